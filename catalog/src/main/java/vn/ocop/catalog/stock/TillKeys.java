package vn.ocop.catalog.stock;

import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.locations.LocationRows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keys that let a till sync with one location. A key is 32 random bytes shown once; the store keeps its
 * SHA-256 (a key is long and random, so a fast hash is enough and lets each request be checked in one lookup).
 * Who may make or revoke a key (an administrator, or the location's staff) is the caller's check.
 */
@Service
public class TillKeys {

    private static final String PREFIX = "ocop_till_";
    private static final String COLUMNS = "id, location_id, label, created_at, revoked_at";

    private final DatabaseClient db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TillKeys(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<IssuedTillKey> issue(LocationId location, String label) {
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.length() > 100) {
            return Mono.error(new IllegalArgumentException("a till key's label is 1 to 100 characters"));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        return db.sql("insert into till_key (id, location_id, label, key_hash, created_at) values (:id, :location, :label, :hash, :now)")
                .bind("id", id)
                .bind("location", location.value())
                .bind("label", name)
                .bind("hash", hash(secret))
                .bind("now", OffsetDateTime.now(clock))
                .then()
                .then(get(location, id))
                .map(key -> new IssuedTillKey(key, secret));
    }

    public Flux<TillKey> of(LocationId location) {
        return db.sql("select " + COLUMNS + " from till_key where location_id = :location order by created_at desc, id")
                .bind("location", location.value())
                .map((row, md) -> key(row))
                .all();
    }

    /** Revokes the key at once: the next request with it gets 401. Revoking twice keeps the first time. */
    public Mono<TillKey> revoke(LocationId location, UUID id) {
        return db.sql("update till_key set revoked_at = coalesce(revoked_at, :now) where id = :id and location_id = :location")
                .bind("now", OffsetDateTime.now(clock))
                .bind("id", id)
                .bind("location", location.value())
                .then()
                .then(get(location, id));
    }

    /** A till's active key and the location it may sync with, read together (a sync request reads both). */
    public record Till(TillKey key, Location location) {
    }

    /**
     * The active key of that location with this secret, and the location, in one statement; empty when the secret is
     * wrong, revoked or another location's.
     */
    public Mono<Till> authenticate(LocationId location, String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Mono.empty();
        }
        return db.sql("select k.id as key_id, k.label, k.created_at, k.revoked_at, " + LocationRows.columns("l")
                        + " from till_key k join location l on l.id = k.location_id"
                        + " where k.key_hash = :hash and k.location_id = :location and k.revoked_at is null")
                .bind("hash", hash(secret.strip()))
                .bind("location", location.value())
                .map((row, md) -> {
                    Location at = LocationRows.of(row);
                    return new Till(new TillKey(row.get("key_id", UUID.class), at.id(), row.get("label", String.class),
                            row.get("created_at", OffsetDateTime.class), row.get("revoked_at", OffsetDateTime.class)), at);
                })
                .one();
    }

    private Mono<TillKey> get(LocationId location, UUID id) {
        return db.sql("select " + COLUMNS + " from till_key where id = :id and location_id = :location")
                .bind("id", id)
                .bind("location", location.value())
                .map((row, md) -> key(row))
                .one()
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("till key " + id)));
    }

    private static TillKey key(io.r2dbc.spi.Row row) {
        return new TillKey(row.get("id", UUID.class), new LocationId(row.get("location_id", UUID.class)), row.get("label", String.class),
                row.get("created_at", OffsetDateTime.class), row.get("revoked_at", OffsetDateTime.class));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

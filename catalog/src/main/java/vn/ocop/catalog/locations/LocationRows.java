package vn.ocop.catalog.locations;

import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;

/** The location table. */
@Repository
public class LocationRows {

    private static final String COLUMNS = "id, kind, name, province, address, latitude, longitude, opening_hours, pickup_allowed, producer_id";

    private final DatabaseClient db;

    LocationRows(DatabaseClient db) {
        this.db = db;
    }

    /** Locations by kind and province (either may be null: any), by province then name. */
    public Flux<Location> find(LocationKind kind, String province) {
        return db.sql("select " + COLUMNS + " from location where (:kind::text is null or kind = :kind::text)"
                        + " and (:province::text is null or province = :province::text) order by province, name, id")
                .bind("kind", Parameter.fromOrEmpty(kind == null ? null : kind.name(), String.class))
                .bind("province", Parameter.fromOrEmpty(province, String.class))
                .map((row, md) -> of(row))
                .all();
    }

    public Mono<Location> get(LocationId id) {
        return db.sql("select " + COLUMNS + " from location where id = :id")
                .bind("id", id.value())
                .map((row, md) -> of(row))
                .one();
    }

    public Flux<Location> warehousesOf(ProducerId producer) {
        return db.sql("select " + COLUMNS + " from location where producer_id = :producer order by name, id")
                .bind("producer", producer.value())
                .map((row, md) -> of(row))
                .all();
    }

    public Mono<Void> insert(LocationId id, LocationDetails d) {
        return details(db.sql("""
                        insert into location (id, kind, name, province, address, latitude, longitude, opening_hours, pickup_allowed, producer_id)
                        values (:id, :kind, :name, :province, :address, :lat, :lng, :hours, :pickup, :producer)"""), d)
                .bind("id", id.value())
                .then();
    }

    /** Rewrites a location's details; a location never changes kind or owner (stock and keys hang on it). */
    public Mono<Long> update(LocationId id, LocationDetails d) {
        return details(db.sql("""
                        update location set name = :name, province = :province, address = :address, latitude = :lat,
                               longitude = :lng, opening_hours = :hours, pickup_allowed = :pickup
                        where id = :id and kind = :kind and producer_id is not distinct from :producer"""), d)
                .bind("id", id.value())
                .fetch().rowsUpdated();
    }

    private static GenericExecuteSpec details(GenericExecuteSpec spec, LocationDetails d) {
        return spec.bind("kind", d.kind().name())
                .bind("name", d.name())
                .bind("province", d.province())
                .bind("address", d.address())
                .bind("lat", Parameter.fromOrEmpty(d.latitude(), BigDecimal.class))
                .bind("lng", Parameter.fromOrEmpty(d.longitude(), BigDecimal.class))
                .bind("hours", Parameter.fromOrEmpty(d.openingHours(), String.class))
                .bind("pickup", d.pickupAllowed())
                .bind("producer", Parameter.fromOrEmpty(d.producer() == null ? null : d.producer().value(), UUID.class));
    }

    /** A location from a row holding {@code id, kind, name, province, address, latitude, longitude, opening_hours, pickup_allowed, producer_id}. */
    /** The columns {@link #of} reads, of the location table named {@code alias} in a statement that joins it to another. */
    public static String columns(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(",")).map(c -> alias + "." + c.strip()).collect(java.util.stream.Collectors.joining(", "));
    }

    public static Location of(Row row) {
        UUID producer = row.get("producer_id", UUID.class);
        return new Location(new LocationId(row.get("id", UUID.class)), LocationKind.valueOf(row.get("kind", String.class)),
                row.get("name", String.class), row.get("province", String.class), row.get("address", String.class),
                row.get("latitude", BigDecimal.class), row.get("longitude", BigDecimal.class),
                row.get("opening_hours", String.class), Boolean.TRUE.equals(row.get("pickup_allowed", Boolean.class)),
                producer == null ? null : new ProducerId(producer));
    }
}

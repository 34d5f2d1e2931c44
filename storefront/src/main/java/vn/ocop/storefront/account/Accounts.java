package vn.ocop.storefront.account;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The account table. An e-mail address belongs to one account; a second registration is refused. */
@Repository
public class Accounts {

    private final DatabaseClient db;

    Accounts(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Account> findByEmail(String email) {
        return db.sql("select * from account where email = lower(trim(:email))")
                .bind("email", email)
                .map((row, md) -> new Account(
                        row.get("id", UUID.class),
                        row.get("email", String.class),
                        row.get("password_hash", String.class),
                        row.get("display_name", String.class),
                        Role.valueOf(row.get("role", String.class)),
                        row.get("producer_id", UUID.class),
                        row.get("location_id", UUID.class),
                        Boolean.TRUE.equals(row.get("enabled", Boolean.class))))
                .one();
    }

    /** Inserts the account; emits false (and writes nothing) when the e-mail is already registered. */
    public Mono<Boolean> insertIfNew(Account a, boolean demo) {
        return db.sql("""
                        insert into account (id, email, password_hash, display_name, role, producer_id, location_id, enabled, demo)
                        values (:id, :email, :hash, :name, :role, :producer, :location, :enabled, :demo)
                        on conflict (email) do nothing""")
                .bind("id", a.id())
                .bind("email", a.email())
                .bind("hash", a.passwordHash())
                .bind("name", a.displayName())
                .bind("role", a.role().name())
                .bind("producer", Parameter.fromOrEmpty(a.producerId(), UUID.class))
                .bind("location", Parameter.fromOrEmpty(a.locationId(), UUID.class))
                .bind("enabled", a.enabled())
                .bind("demo", demo)
                .fetch().rowsUpdated()
                .map(n -> n == 1);
    }
}

package vn.ocop.storefront.account;

import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The account table. An e-mail address belongs to one account; a second registration is refused. Every change of
 * state is one conditional statement, so what it guards (an owner is never removed, a member only by its own
 * producer) holds whoever asks at the same time.
 */
@Repository
public class Accounts {

    /** The columns {@link #joined(Readable)} reads, for a statement of another table that joins {@code account}. */
    public static final String COLUMNS = """
            id, email, password_hash, display_name, role, producer_id, location_id, enabled, producer_owner, council_scope, phone""";

    private final DatabaseClient db;
    private final ApplicationEventPublisher events;

    Accounts(DatabaseClient db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    public Mono<Account> findByEmail(String email) {
        return db.sql("select " + COLUMNS + " from account where email = lower(trim(:email))")
                .bind("email", email)
                .map((row, md) -> account(row))
                .one();
    }

    public Mono<Account> findById(UUID id) {
        return db.sql("select " + COLUMNS + " from account where id = :id").bind("id", id).map((row, md) -> account(row)).one();
    }

    /** Inserts the account; emits false (and writes nothing) when the e-mail is already registered. */
    public Mono<Boolean> insertIfNew(Account a, boolean demo) {
        return db.sql("""
                        insert into account (id, email, password_hash, display_name, role, producer_id, location_id, enabled,
                                             producer_owner, council_scope, phone, demo)
                        values (:id, :email, :hash, :name, :role, :producer, :location, :enabled, :owner, :scope, :phone, :demo)
                        on conflict (email) do nothing""")
                .bind("id", a.id())
                .bind("email", a.email())
                .bind("hash", Parameter.fromOrEmpty(a.passwordHash(), String.class))
                .bind("name", a.displayName())
                .bind("role", a.role().name())
                .bind("producer", Parameter.fromOrEmpty(a.producerId(), UUID.class))
                .bind("location", Parameter.fromOrEmpty(a.locationId(), UUID.class))
                .bind("enabled", a.enabled())
                .bind("owner", a.producerOwner())
                .bind("scope", Parameter.fromOrEmpty(a.councilScope(), String.class))
                .bind("phone", Parameter.fromOrEmpty(a.phone(), String.class))
                .bind("demo", demo)
                .fetch().rowsUpdated()
                .map(n -> n == 1);
    }

    /**
     * A new member of the producer, or one removed from that same producer invited back (enabled again, its old
     * password gone: it sets one through its new link). Empty when the e-mail has any other account.
     */
    public Mono<Account> addMember(Account member) {
        return db.sql("""
                        insert into account (id, email, password_hash, display_name, role, producer_id, enabled, producer_owner)
                        values (:id, :email, null, :name, 'PRODUCER', :producer, true, false)
                        on conflict (email) do update set enabled = true, password_hash = null, display_name = excluded.display_name
                        where account.role = 'PRODUCER' and account.producer_id = excluded.producer_id and not account.enabled
                        returning\s""" + COLUMNS)
                .bind("id", member.id())
                .bind("email", member.email())
                .bind("name", member.displayName())
                .bind("producer", member.producerId())
                .map((row, md) -> account(row))
                .one();
    }

    /** The producer's members, owner first, then by e-mail; removed ones are left out. */
    public Flux<Account> membersOf(UUID producer) {
        return db.sql("select " + COLUMNS + " from account where producer_id = :producer and enabled order by producer_owner desc, email")
                .bind("producer", producer)
                .map((row, md) -> account(row))
                .all();
    }

    /** Disables a member of that producer who is not its owner; empty when there is no such member. */
    public Mono<Account> removeMember(UUID producer, UUID member) {
        return db.sql("update account set enabled = false where id = :id and producer_id = :producer and not producer_owner"
                        + " and enabled returning " + COLUMNS)
                .bind("id", member).bind("producer", producer)
                .map((row, md) -> account(row))
                .one()
                .doOnNext(this::changed);
    }

    /** Accounts of the role (null: any) whose e-mail or name contains {@code text} (null: any), by e-mail. */
    public Flux<Account> matching(Role role, String text, int offset, int limit) {
        return filters(db.sql("select " + COLUMNS + " from account " + MATCHING + " order by email offset :offset limit :limit"), role, text)
                .bind("offset", offset).bind("limit", limit)
                .map((row, md) -> account(row))
                .all();
    }

    public Mono<Long> count(Role role, String text) {
        return filters(db.sql("select count(*) as n from account " + MATCHING), role, text).map((row, md) -> row.get("n", Long.class)).one();
    }

    /** Enables or disables the account; empty when there is none (or it already is). */
    public Mono<Account> setEnabled(UUID id, boolean enabled) {
        return db.sql("update account set enabled = :enabled where id = :id and enabled <> :enabled returning " + COLUMNS)
                .bind("id", id).bind("enabled", enabled)
                .map((row, md) -> account(row))
                .one()
                .doOnNext(this::changed);
    }

    /** Stores the password hash of an enabled account; false when there is none. */
    public Mono<Boolean> setPassword(UUID id, String hash) {
        return db.sql("update account set password_hash = :hash where id = :id and enabled returning email")
                .bind("id", id).bind("hash", hash)
                .map((row, md) -> row.get("email", String.class))
                .one()
                .doOnNext(email -> events.publishEvent(new AccountChanged(email)))
                .hasElement();
    }

    /** The sessions kept in memory for the account are dropped at once (PostgreSQL announces it to every instance too). */
    private void changed(Account account) {
        events.publishEvent(new AccountChanged(account.email()));
    }

    private static final String MATCHING = """
             where (cast(:role as text) is null or role = :role)
               and (cast(:text as text) is null or strpos(email, lower(:text)) > 0 or strpos(lower(display_name), lower(:text)) > 0)""";

    private static GenericExecuteSpec filters(GenericExecuteSpec spec, Role role, String text) {
        spec = role == null ? spec.bindNull("role", String.class) : spec.bind("role", role.name());
        return text == null || text.isBlank() ? spec.bindNull("text", String.class) : spec.bind("text", text.strip());
    }

    /** The account in a row holding {@link #COLUMNS}, or null where an outer join found none. */
    public static Account joined(Readable row) {
        return row.get("id", UUID.class) == null ? null : account(row);
    }

    private static Account account(Readable row) {
        return new Account(
                row.get("id", UUID.class),
                row.get("email", String.class),
                row.get("password_hash", String.class),
                row.get("display_name", String.class),
                Role.valueOf(row.get("role", String.class)),
                row.get("producer_id", UUID.class),
                row.get("location_id", UUID.class),
                Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
                Boolean.TRUE.equals(row.get("producer_owner", Boolean.class)),
                row.get("council_scope", String.class),
                row.get("phone", String.class));
    }
}

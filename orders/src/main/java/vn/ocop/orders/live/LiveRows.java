package vn.ocop.orders.live;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.EventPlan;
import vn.ocop.orders.FlashOffer;
import vn.ocop.orders.LiveEvent;
import vn.ocop.orders.LiveStatus;

/** The live_event and flash_offer tables. Every change of state is one conditional update on the state it leaves. */
@Repository
public class LiveRows {

    static final String CHANNEL = "ocop_live";
    private static final String EVENT = "select id, producer_id, title, video_url, planned_start, planned_end, status, pinned_product_id, "
            + "started_at, ended_at from live_event ";
    private static final String OFFER = "select id, event_id, product_id, product_name, location_id, flash_price_vnd, list_price_vnd, cap, "
            + "remaining, per_buyer, status, opened_at from flash_offer ";

    private final DatabaseClient db;

    LiveRows(DatabaseClient db) {
        this.db = db;
    }

    public Mono<LiveEvent> insert(UUID id, ProducerId producer, EventPlan plan) {
        return db.sql("""
                        insert into live_event (id, producer_id, title, video_url, planned_start, planned_end, status)
                        values (:id, :producer, :title, :video, :start, :end, 'SCHEDULED')""")
                .bind("id", id).bind("producer", producer.value()).bind("title", plan.title()).bind("video", plan.videoUrl())
                .bind("start", plan.plannedStart()).bind("end", plan.plannedEnd())
                .then().then(event(id));
    }

    public Mono<LiveEvent> event(UUID id) {
        return db.sql(EVENT + "where id = :id").bind("id", id).map((r, m) -> event(r)).one();
    }

    /** Live events first, then the scheduled ones soonest first (ended and cancelled ones only when asked for). */
    public Flux<LiveEvent> listed(List<LiveStatus> statuses, int limit) {
        return db.sql(EVENT + "where status = any(:statuses) order by status = 'LIVE' desc, planned_start limit :limit")
                .bind("statuses", statuses.stream().map(Enum::name).toArray(String[]::new)).bind("limit", limit)
                .map((r, m) -> event(r)).all();
    }

    public Flux<LiveEvent> ofProducer(ProducerId producer) {
        return db.sql(EVENT + "where producer_id = :p order by planned_start desc limit 100").bind("p", producer.value())
                .map((r, m) -> event(r)).all();
    }

    /** Moves the owner's event from one of {@code from} to {@code to}; empty when it was not in such a state. */
    public Mono<LiveEvent> move(UUID id, ProducerId owner, List<LiveStatus> from, LiveStatus to, OffsetDateTime at) {
        String stamp = to == LiveStatus.LIVE ? ", started_at = :at" : ", ended_at = :at";
        return db.sql("update live_event set status = :to" + stamp + " where id = :id and producer_id = :owner and status = any(:from)")
                .bind("to", to.name()).bind("at", at).bind("id", id).bind("owner", owner.value())
                .bind("from", from.stream().map(Enum::name).toArray(String[]::new))
                .fetch().rowsUpdated().filter(n -> n == 1).flatMap(n -> event(id));
    }

    public Mono<Boolean> pin(UUID id, ProducerId owner, ProductId product) {
        return db.sql("update live_event set pinned_product_id = :product where id = :id and producer_id = :owner and status = 'LIVE'")
                .bind("product", product.value()).bind("id", id).bind("owner", owner.value())
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    public Mono<Void> insertOffer(FlashOffer o) {
        return db.sql("""
                        insert into flash_offer (id, event_id, product_id, product_name, location_id, flash_price_vnd, list_price_vnd, cap,
                                                 remaining, per_buyer, status, opened_at)
                        values (:id, :event, :product, :name, :location, :flash, :list, :cap, :cap, :per, 'OPEN', :at)""")
                .bind("id", o.id()).bind("event", o.event()).bind("product", o.product().value()).bind("name", o.productName())
                .bind("location", o.location().value()).bind("flash", o.flashPrice().dong()).bind("list", o.listPrice().dong())
                .bind("cap", o.cap()).bind("per", o.perBuyer()).bind("at", o.openedAt())
                .then();
    }

    public Mono<FlashOffer> offer(UUID id) {
        return db.sql(OFFER + "where id = :id").bind("id", id).map((r, m) -> offer(r)).one();
    }

    public Flux<FlashOffer> openOffers(UUID event) {
        return db.sql(OFFER + "where event_id = :event and status = 'OPEN' order by opened_at").bind("event", event).map((r, m) -> offer(r)).all();
    }

    /** Tells every instance (and so every viewer) what changed, when the current transaction commits. */
    public Mono<Void> announce(UUID event, String type, UUID offer, Integer remaining) {
        String payload = event + "," + type + "," + (offer == null ? "" : offer) + "," + (remaining == null ? "" : remaining);
        return db.sql("select pg_notify(:channel, :payload)").bind("channel", CHANNEL).bind("payload", payload).then();
    }

    static LiveEvent event(Readable r) {
        UUID pinned = r.get("pinned_product_id", UUID.class);
        return new LiveEvent(r.get("id", UUID.class), new ProducerId(r.get("producer_id", UUID.class)), r.get("title", String.class),
                r.get("video_url", String.class), r.get("planned_start", OffsetDateTime.class), r.get("planned_end", OffsetDateTime.class),
                LiveStatus.valueOf(r.get("status", String.class)), pinned == null ? null : new ProductId(pinned),
                r.get("started_at", OffsetDateTime.class), r.get("ended_at", OffsetDateTime.class));
    }

    static FlashOffer offer(Readable r) {
        return new FlashOffer(r.get("id", UUID.class), r.get("event_id", UUID.class), new ProductId(r.get("product_id", UUID.class)),
                r.get("product_name", String.class), new LocationId(r.get("location_id", UUID.class)), new Vnd(r.get("flash_price_vnd", Long.class)),
                new Vnd(r.get("list_price_vnd", Long.class)), r.get("cap", Integer.class), r.get("remaining", Integer.class),
                r.get("per_buyer", Integer.class), "OPEN".equals(r.get("status", String.class)), r.get("opened_at", OffsetDateTime.class));
    }

}

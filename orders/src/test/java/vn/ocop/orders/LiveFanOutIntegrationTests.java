package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.BaseSubscriber;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;

/** One event's pushes to many viewers: each takes them at its own pace, and one that stops reading is cut off, never the others. */
@SpringBootTest(classes = OrdersTestApplication.class)
@Import(LiveSalesIntegrationTests.Clocks.class)
@OwnDatabase
class LiveFanOutIntegrationTests {

    @Autowired
    LiveSales live;
    @Autowired
    Catalog catalog;
    @Autowired
    MutableClock clock;
    @Autowired
    DatabaseClient db;

    @Test
    void aViewerThatStopsReadingIsCutOffPastItsBacklogWhileTheOthersGetEveryPush() {
        clock.set(LiveSalesIntegrationTests.NOW);
        StockFixtures fixtures = new StockFixtures(db);
        ProducerId producer = fixtures.catalog().producer("HTX Chè Thái", null).block();
        ProductId tea = fixtures.sellableProduct(producer, "Chè móc câu", catalog.today()).block();
        LiveEvent event = live.start(producer, live.schedule(producer, new EventPlan("Phiên live chè Thái", "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                OffsetDateTime.now(clock).plusMinutes(5), OffsetDateTime.now(clock).plusHours(2))).block().id()).block();
        live.ready().block(Duration.ofSeconds(30));

        List<LiveNews> fast = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> fastError = new AtomicReference<>();
        Disposable reading = live.news(event.id(), "account:" + UUID.randomUUID()).subscribe(fast::add, fastError::set);
        Stalled stalled = new Stalled();
        live.news(event.id(), "account:" + UUID.randomUUID()).subscribe(stalled);
        await().atMost(Duration.ofSeconds(10)).until(() -> !fast.isEmpty() && !stalled.seen.isEmpty());
        assertThat(stalled.seen).extracting(LiveNews::type).containsExactly("state");

        int pins = LiveSales.BACKLOG + 64; // past the backlog and the few in flight between it and the viewer
        for (int i = 0; i < pins; i++) {
            live.pin(producer, event.id(), tea).block();
        }
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> fast.stream().filter(n -> n.type().equals("pinned")).count() == pins);
            await().atMost(Duration.ofSeconds(10)).until(() -> stalled.error.get() != null);
            assertThat(Exceptions.isOverflow(stalled.error.get())).as("cut off by an overflow: %s", stalled.error.get()).isTrue();
            assertThat(stalled.seen).as("nothing more reached the stalled viewer, nothing was dropped unseen").hasSize(1);
            assertThat(fastError.get()).isNull();
            assertThat(fast.get(0).type()).isEqualTo("state");
        } finally {
            reading.dispose();
        }
    }

    /** A viewer whose connection takes the first event and then nothing (a stalled client). */
    private static final class Stalled extends BaseSubscriber<LiveNews> {
        final List<LiveNews> seen = new CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(1);
        }

        @Override
        protected void hookOnNext(LiveNews news) {
            seen.add(news);
        }

        @Override
        protected void hookOnError(Throwable failure) {
            error.set(failure);
        }
    }
}

package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.StockReports;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;

/**
 * Two instances of the app on one database: a viewer connected to the second sees, through PostgreSQL
 * LISTEN/NOTIFY, the pin, the offer and the remaining count changed on the first, and the first counts that viewer.
 */
@SpringBootTest(classes = OrdersTestApplication.class)
@OwnDatabase
class LivePushesAcrossInstancesTests {

    @Autowired
    LiveSales first;
    @Autowired
    Environment environment;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;
    @Autowired
    StockReports reports;
    @Autowired
    Catalog catalog;

    ConfigurableApplicationContext secondInstance;
    LiveSales second;

    @BeforeEach
    void startASecondInstance() {
        secondInstance = new SpringApplicationBuilder(OrdersTestApplication.class).web(WebApplicationType.NONE)
                .properties(Map.of(
                        "ocop.test.app", "orders",
                        "spring.r2dbc.url", environment.getProperty("spring.r2dbc.url"),
                        "spring.r2dbc.username", environment.getProperty("spring.r2dbc.username"),
                        "spring.r2dbc.password", "",
                        "spring.flyway.enabled", "false",
                        "ocop.orders.schedule", "false",
                        "ocop.notices.schedule", "false"))
                .run();
        second = secondInstance.getBean(LiveSales.class);
        first.ready().block(Duration.ofSeconds(30));
        second.ready().block(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopIt() {
        secondInstance.close();
    }

    @Test
    void aPinOnOneInstanceReachesAViewerOfTheOther() {
        var fixtures = new StockFixtures(db);
        ProducerId producer = fixtures.catalog().producer("HTX Gốm Bát Tràng", null).block();
        ProductId vase = fixtures.sellableProduct(producer, "Bình gốm men lam", catalog.today()).block();
        LocationId showroom = fixtures.showroom("Showroom OCOP Hà Nội", true).block();
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, vase, 20, OffsetDateTime.now(), null)),
                "staff").block();
        LiveEvent event = first.schedule(producer, new EventPlan("Gốm Bát Tràng trực tiếp", "https://youtu.be/dQw4w9WgXcQ",
                OffsetDateTime.now(), OffsetDateTime.now().plusHours(1))).block();
        first.start(producer, event.id()).block();
        List<LiveNews> seen = new CopyOnWriteArrayList<>();
        Disposable viewer = second.news(event.id(), "address:192.0.2.7").subscribe(seen::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(n -> n.type().equals("state")));
            assertThat(seen.get(0).type()).as("the current state comes first").isEqualTo("state");
            assertThat(seen.get(0).state().pinned()).isNull();

            first.pin(producer, event.id(), vase).block();
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(n -> n.type().equals("pinned")));
            LiveNews pinned = seen.stream().filter(n -> n.type().equals("pinned")).findFirst().orElseThrow();
            assertThat(pinned.state().pinned().name()).isEqualTo("Bình gốm men lam");

            long list = reports.offers(List.of(vase), catalog.today()).blockFirst().price().dong();
            FlashOffer offer = first.open(producer, event.id(), new OfferTerms(vase, showroom, new Vnd(list / 2), 5, 2)).block();
            first.claim(UUID.randomUUID(), event.id(), offer.id(), 2).block();
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(n -> "remaining".equals(n.type()) && n.remaining() == 3));
            assertThat(seen).anySatisfy(n -> {
                assertThat(n.type()).isEqualTo("offer-opened");
                assertThat(n.state().pinned().offer().flashPrice()).isEqualTo(new Vnd(list / 2));
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> first.state(event.id()).block().viewers() == 1);
        } finally {
            viewer.dispose();
        }
    }
}

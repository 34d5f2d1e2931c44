package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;
import vn.ocop.catalog.testing.StockFixtures.Stock;

/**
 * Two instances of the app on one database, both with the lapse schedule on: when both fire in the same period,
 * one cancels the lapsed orders (or lapses the flash claims) and the other skips that period. Their timers are
 * set an hour out, so the test fires them itself, at one shared clock.
 */
@SpringBootTest(classes = OrdersTestApplication.class,
        properties = {"ocop.orders.schedule=true", "ocop.orders.lapse-check=PT1H", "ocop.orders.claim-check=PT1H"})
@Import(LapsedOrdersAcrossInstancesTests.SharedClock.class)
@OwnDatabase
class LapsedOrdersAcrossInstancesTests {

    // 10:00 on 23 November 2026 in Hà Nội; both instances read this one clock
    static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);

    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {
        @Bean
        MutableClock clock() {
            return CLOCK;
        }
    }

    @Autowired
    LapsedOrderSchedule first;
    @Autowired
    Checkout checkout;
    @Autowired
    Orders orders;
    @Autowired
    Inventory inventory;
    @Autowired
    Catalog catalog;
    @Autowired
    Environment environment;
    @Autowired
    DatabaseClient db;

    ConfigurableApplicationContext secondInstance;
    LapsedOrderSchedule second;

    @BeforeEach
    void startASecondInstance() {
        CLOCK.set(NOW);
        secondInstance = new SpringApplicationBuilder(OrdersTestApplication.class).web(WebApplicationType.NONE)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", CLOCK))
                .properties(Map.of(
                        "spring.r2dbc.url", environment.getProperty("spring.r2dbc.url"),
                        "spring.r2dbc.username", environment.getProperty("spring.r2dbc.username"),
                        "spring.r2dbc.password", "",
                        "spring.flyway.enabled", "false"))
                // arguments, so that they win over the test application.properties (schedule off)
                .run("--ocop.orders.schedule=true", "--ocop.orders.lapse-check=PT1H", "--ocop.orders.claim-check=PT1H");
        second = secondInstance.getBean(LapsedOrderSchedule.class);
    }

    @AfterEach
    void stopIt() {
        secondInstance.close();
    }

    @Test
    void bothInstancesFiringInTheSamePeriodCancelAnUncollectedPickupOnce() {
        // as Spring does: each schedule's Mono is made once and subscribed again at every tick
        Mono<Long> firstTicks = first.cancelLapsedOnce();
        Mono<Long> secondTicks = second.cancelLapsedOnce();
        StockFixtures fixtures = new StockFixtures(db);
        ProducerId producer = fixtures.catalog().producer("HTX Mật ong", null).block();
        ProductId honey = fixtures.sellableProduct(producer, "Mật ong bạc hà", catalog.today()).block();
        LocationId showroom = fixtures.showroom("Showroom", true).block();
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, honey, 10, OffsetDateTime.now(), null)),
                "staff").block();
        UUID shopper = UUID.randomUUID();
        Order pickup = checkout.place(new OrderRequest(UUID.randomUUID().toString(), shopper, List.of(new OrderRequest.Line(honey, 2)),
                new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn"), Destination.pickup(showroom), PaymentMethod.PAY_AT_PICKUP))
                .block().order();
        CLOCK.set(Instant.parse("2026-11-26T03:01:00Z")); // past the pickup's deadline

        assertThat(bothFire(firstTicks, secondTicks))
                .as("one instance ran and cancelled the pickup; the other skipped the period").containsExactly(1L);

        assertThat(orders.mine(shopper, pickup.id()).block().cancellation()).get().extracting(OrderEvent::reason).isEqualTo(CancelReason.NOT_COLLECTED);
        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(10, 0));
        assertThat(claims(LapsedOrderSchedule.LAPSE_ORDERS)).isEqualTo(1);

        CLOCK.set(CLOCK.instant().plus(Duration.ofHours(1)));
        assertThat(bothFire(firstTicks, secondTicks)).as("the next period: one run, nothing left").containsExactly(0L);
        assertThat(claims(LapsedOrderSchedule.LAPSE_ORDERS)).isEqualTo(2);
    }

    @Test
    void bothInstancesFiringInTheSamePeriodLapseFlashClaimsOnce() {
        Mono<Long> firstTicks = first.lapseClaimsOnce();
        Mono<Long> secondTicks = second.lapseClaimsOnce();
        assertThat(bothFire(firstTicks, secondTicks)).as("one run, one skip").hasSize(1);
        assertThat(bothFire(firstTicks, secondTicks)).as("the same period again: both skip").isEmpty();
        assertThat(claims(LapsedOrderSchedule.LAPSE_CLAIMS)).isEqualTo(1);
        CLOCK.set(CLOCK.instant().plus(Duration.ofHours(1)));
        assertThat(bothFire(firstTicks, secondTicks)).as("the next period: the same Monos run once more").hasSize(1);
        assertThat(claims(LapsedOrderSchedule.LAPSE_CLAIMS)).isEqualTo(2);
    }

    /** Both instances' schedules fire at once; emits what each run that happened did. */
    private static List<Long> bothFire(Mono<Long> one, Mono<Long> other) {
        return Flux.merge(one, other).collectList().block();
    }

    private long claims(String job) {
        return db.sql("select count(*) as n from scheduled_run where job = :job").bind("job", job)
                .map((row, md) -> row.get("n", Long.class)).one().block();
    }
}

package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.devservices.TestServices;

/**
 * For any sequence of orders (cash on delivery, pay at pickup, card delivered or collected), card payments (some
 * replayed, some arriving after the order was cancelled), cancellations (a paid card order is refunded), deliveries
 * and handovers, refunds of part of what was delivered or collected (a complaint's, paid back by whoever holds the money), till sales of consigned goods (at the list price or the till's own) and payouts, with days passing
 * between them, every producer's statement adds up to the đồng (money collected = owed to the producer + commission +
 * consignment share + tax withheld + refunds), agrees with what the orders and the tills say was paid, taken and
 * refunded, priced by hand at the rates in force, its balances explain the producer's share, a period cut in two
 * gives the same sums, and replaying every step once more changes nothing at all. Everything runs through the real
 * facades on PostgreSQL, Stripe being WireMock. {@code -DQT_SEED=…} replays a failure.
 */
class MoneyLedgerProperties {

    static final WireMockServer STRIPE = new WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1").globalTemplating(true));
    static final Percent FOOD = Percent.of("10"), DRINKS = Percent.of("7.5"), CONSIGNMENT = Percent.of("15"), VAT = Percent.of("1"), PIT = Percent.of("0.5");

    static ConfigurableApplicationContext context;
    static MutableClock clock;
    static DatabaseClient db;

    @Configuration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-07-01T02:00:00Z"));
        }
    }

    /** One step; its numbers are read by its kind (see {@link #run}). */
    record Step(int kind, int a, int b, int c) {
        /** Generated draws 0..15, weighted towards paying, cancelling and fulfilling what was ordered. */
        static Step drawn(int draw, int a, int b, int c) {
            int[] kinds = {0, 1, 2, 3, 3, 3, 4, 4, 5, 6, 7, 8, 9, 10, 10, 11};
            return new Step(kinds[draw], a, b, c);
        }

        String describe() {
            return switch (kind) {
                case 0, 1, 2 -> "order(" + List.of("COD", "PAY_AT_PICKUP", "CARD delivery", "CARD pickup").get((a + b + c) % 4) + ", products " + (1 + b % 7) + ", qty " + (1 + c % 3) + ")";
                case 3 -> "pay(order " + a + ")";
                case 4 -> "cancel(order " + a + ")";
                case 5, 6 -> "deliver or hand over(order " + a + ")";
                case 7 -> "till(product " + a % 3 + ", qty " + (1 + b % 4) + ", price " + (c % 4 == 0 ? "list" : (c % 4) * 30_000) + ")";
                case 8 -> c % 3 == 0 ? "advance payout(" + 1000 * (1 + a % 50) + " đ, to producer " + b % 2 + ")"
                        : "payout(" + (1 + a % 110) + "% of what is owed, to producer " + b % 2 + ")";
                case 9 -> "advance(" + (1 + a % 30) + " h)";
                case 10 -> "refund(" + (1 + b % 100) + "% of the goods of order " + a + "'s first parcel, once delivered or collected)";
                default -> "replay(step " + a + ")";
            };
        }
    }

    @BeforeAll
    static void start() {
        STRIPE.start();
        MoneyRecordingIntegrationTests.stubStripe(STRIPE);
        var pg = TestServices.postgres();
        String database = TestServices.createDatabase("MoneyLedgerProperties");
        context = new SpringApplicationBuilder(OrdersTestApplication.class, Clocks.class)
                .properties("ocop.test.app=orders", "spring.r2dbc.url=" + pg.r2dbcUrl(database), "spring.r2dbc.username=" + pg.user(),
                        "spring.flyway.url=" + pg.jdbcUrl(database), "spring.flyway.user=" + pg.user(), "spring.flyway.password=",
                        "spring.r2dbc.pool.max-size=8", "spring.main.banner-mode=off", "spring.main.allow-bean-definition-overriding=true",
                        "ocop.stripe.secret-key=sk_test_ocop", "ocop.stripe.publishable-key=pk_test_ocop", "ocop.stripe.webhook-secret=" + StripeFixtures.WEBHOOK_SECRET,
                        "ocop.stripe.api-base=" + STRIPE.baseUrl())
                .run();
        clock = context.getBean(MutableClock.class);
        db = context.getBean(DatabaseClient.class);
        Commissions commissions = context.getBean(Commissions.class);
        commissions.set(new CommissionChange(CommissionRate.Scope.ONLINE, OcopGroup.FOOD, null, FOOD, null), "admin").block();
        commissions.set(new CommissionChange(CommissionRate.Scope.ONLINE, OcopGroup.DRINKS, null, DRINKS, null), "admin").block();
    }

    @AfterAll
    static void stop() {
        context.close();
        STRIPE.stop();
    }

    @Test
    void everyStatementBalancesToTheDongAndAReplayedEventChangesNothing() {
        // a fixed seed: these 50 sequences are known to reach every kind of event (a random draw sometimes had no cash
        // refund), so the check below holds them to it; -DQT_SEED=<n> explores other sequences
        qt().withFixedSeed(Long.getLong("QT_SEED", 2026120601L)).withExamples(50).forAll(steps()).checkAssert(MoneyLedgerProperties::balances);
        // the examples reached every kind of money event (else the property proved less than it says)
        assertThat(db.sql("select kind, count(*) as n from money_event group by kind")
                .map((r, md) -> r.get("kind", String.class)).all().collectList().block())
                .containsExactlyInAnyOrder("CARD_PAID", "CARD_REFUNDED", "COD_COLLECTED", "PICKUP_PAID", "TILL_SALE", "PAYOUT", "REFUND");
    }

    /** What a run did that the ledger must agree with: till sales (each once) and payouts recorded. */
    static final class Run {
        final MoneyScene scene;
        final List<Order> orders = new ArrayList<>();
        final List<Runnable> replays = new ArrayList<>();
        final Map<ProducerId, Long> tillSales = new java.util.HashMap<>();
        final Map<ProducerId, Long> consignment = new java.util.HashMap<>();
        final Map<ProducerId, Long> payouts = new java.util.HashMap<>();
        /** Part refunds recorded: producer, whether of a card sale, the group, the goods given back. */
        final List<Object[]> refunds = new ArrayList<>();
        final OffsetDateTime start = OffsetDateTime.now(clock);

        Run(MoneyScene scene) {
            this.scene = scene;
        }
    }

    private static void balances(List<Step> steps) {
        MoneyScene scene = new MoneyScene(context);
        context.getBean(Commissions.class).set(new CommissionChange(CommissionRate.Scope.CONSIGNMENT, null, scene.showroom, CONSIGNMENT, null), "admin").block();
        LocalDate from = today();
        Run run = new Run(scene);
        for (Step step : steps) {
            run(run, step);
        }
        LocalDate to = today();
        String described = steps.stream().map(Step::describe).collect(Collectors.joining(", "));
        Map<ProducerId, Statement> before = new java.util.HashMap<>();
        for (ProducerId producer : List.of(scene.household, scene.coop)) {
            Statement s = scene.money.statement(producer, from, to).block();
            before.put(producer, s);
            checkStatement(run, producer, s, described);
        }
        long rows = rows();
        run.replays.forEach(Runnable::run);
        assertThat(rows()).as("ledger rows after replaying every step of %s", described).isEqualTo(rows);
        for (ProducerId producer : List.of(scene.household, scene.coop)) {
            assertThat(scene.money.statement(producer, from, to).block()).as("statement after replaying every step of %s", described)
                    .isEqualTo(before.get(producer));
        }
    }

    private static void checkStatement(Run run, ProducerId producer, Statement s, String described) {
        Statement.Totals t = s.totals();
        Expected e = expected(run, producer);
        String what = "producer " + (producer.equals(run.scene.household) ? "household" : "co-op") + " after " + described;
        assertThat(t.adds()).as("collected %d = share %d + commission %d + consignment %d + tax %d + refunds %d, %s", t.collected(), t.share(),
                t.commission(), t.consignment(), t.taxWithheld(), t.refunded(), what).isTrue();
        assertThat(List.of(t.collected(), t.refunded(), t.commission(), t.consignment(), t.vat(), t.pit(), t.paidOut()))
                .as("collected, refunded, commission, consignment, VAT, PIT, paid out of %s", what)
                .isEqualTo(List.of(e.collected, e.refunded, e.commission, e.consignment, e.vat, e.pit, e.paidOut));
        assertThat(t.share()).as("share = held by the producer + paid out + what the balances moved, %s", what)
                .isEqualTo(t.heldByProducer() + t.paidOut() + s.balances().stream().mapToLong(Statement.Balance::change).sum());
        assertThat(s.marketplace().closing()).as("what the marketplace owes, %s", what).isEqualTo(e.marketplaceOwes);
        if (!s.from().equals(s.to())) {
            LocalDate mid = s.from().plusDays(java.time.temporal.ChronoUnit.DAYS.between(s.from(), s.to()) / 2);
            Statement first = run.scene.money.statement(producer, s.from(), mid).block();
            Statement second = run.scene.money.statement(producer, mid.plusDays(1), s.to()).block();
            assertThat(first.totals().collected() + second.totals().collected()).as("collected over a period cut at %s, %s", mid, what).isEqualTo(t.collected());
            assertThat(first.totals().share() + second.totals().share()).as("share over a period cut at %s, %s", mid, what).isEqualTo(t.share());
            assertThat(first.marketplace().closing()).as("closing then opening at the cut %s, %s", mid, what).isEqualTo(second.marketplace().opening());
        }
    }

    /** What the orders, tills and payouts of the run say, priced by hand at the test's rates. */
    static final class Expected {
        long collected, refunded, commission, consignment, vat, pit, paidOut, marketplaceOwes;
    }

    private static Expected expected(Run run, ProducerId producer) {
        Expected e = new Expected();
        boolean household = producer.equals(run.scene.household);
        for (Order placed : run.orders) {
            Order o = run.scene.reread(placed);
            for (Fulfilment f : o.fulfilments()) {
                if (!f.producer().equals(producer)) {
                    continue;
                }
                boolean card = o.payment() == PaymentMethod.CARD && o.paidAt() != null;
                boolean cash = f.taken() != null;
                if (!card && !cash) {
                    continue;
                }
                long refunds = card && o.cancellation().isPresent() ? 1 : 0;
                for (Map.Entry<OcopGroup, long[]> g : groups(run.scene, f).entrySet()) {
                    long amount = g.getValue()[0] + g.getValue()[1];
                    long commission = (g.getKey() == OcopGroup.FOOD ? FOOD : DRINKS).of(g.getValue()[0]);
                    long vat = card && household ? VAT.of(amount) : 0;
                    long pit = card && household ? PIT.of(amount) : 0;
                    e.collected += amount;
                    e.refunded += refunds * amount;
                    e.commission += (1 - refunds) * commission;
                    e.vat += (1 - refunds) * vat;
                    e.pit += (1 - refunds) * pit;
                    e.marketplaceOwes += card ? (1 - refunds) * (amount - commission - vat - pit) : -commission;
                }
            }
        }
        for (Object[] r : run.refunds) {
            if (!r[0].equals(producer)) {
                continue;
            }
            boolean card = (Boolean) r[1];
            long goods = (Long) r[3];
            long commission = (r[2] == OcopGroup.FOOD ? FOOD : DRINKS).of(goods);
            long vat = card && household ? VAT.of(goods) : 0;
            long pit = card && household ? PIT.of(goods) : 0;
            e.refunded += goods;
            e.commission -= commission;
            e.vat -= vat;
            e.pit -= pit;
            e.marketplaceOwes += card ? -(goods - commission - vat - pit) : commission;
        }
        e.collected += run.tillSales.getOrDefault(producer, 0L);
        e.consignment = run.consignment.getOrDefault(producer, 0L);
        e.paidOut = run.payouts.getOrDefault(producer, 0L);
        e.marketplaceOwes -= e.paidOut;
        return e;
    }

    /** A parcel's goods per OCOP group, and its shipping fee on the first group's. */
    private static Map<OcopGroup, long[]> groups(MoneyScene scene, Fulfilment f) {
        Map<OcopGroup, long[]> groups = new EnumMap<>(OcopGroup.class);
        for (Order.Line l : f.lines()) {
            groups.computeIfAbsent(l.product().equals(scene.tea) ? OcopGroup.DRINKS : OcopGroup.FOOD, g -> new long[2])[0] += l.total().dong();
        }
        groups.values().iterator().next()[1] = f.shipping().dong();
        return groups;
    }

    private static void run(Run run, Step step) {
        MoneyScene scene = run.scene;
        switch (step.kind()) {
            case 0, 1, 2 -> {
                int kind = (step.a() + step.b() + step.c()) % 4;
                PaymentMethod payment = List.of(PaymentMethod.COD, PaymentMethod.PAY_AT_PICKUP, PaymentMethod.CARD, PaymentMethod.CARD).get(kind);
                boolean pickup = kind == 1 || kind == 3;
                List<ProductId> products = List.of(scene.honey, scene.tea, scene.rice);
                List<OrderRequest.Line> lines = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    if (((1 + step.b() % 7) & (1 << i)) != 0) {
                        lines.add(MoneyScene.line(products.get(i), 1 + (step.c() + i) % 3));
                    }
                }
                run.orders.add(scene.place(payment, pickup, lines));
            }
            case 3 -> order(run, step).filter(o -> o.payment() == PaymentMethod.CARD).ifPresent(o -> {
                String event = "evt_" + UUID.randomUUID();
                refusedOrDone(() -> scene.pay(o, event));
                run.replays.add(() -> refusedOrDone(() -> scene.pay(o, event)));
                run.replays.add(() -> refusedOrDone(() -> scene.pay(o, "evt_" + UUID.randomUUID())));
            });
            case 4 -> order(run, step).ifPresent(o -> {
                refusedOrDone(() -> scene.cancel(o));
                run.replays.add(() -> refusedOrDone(() -> scene.cancel(o)));
            });
            case 5, 6 -> order(run, step).ifPresent(o -> {
                Runnable fulfil = () -> refusedOrDone(() -> {
                    if (o.pickup()) {
                        scene.handOver(o);
                    } else {
                        scene.deliver(o);
                    }
                });
                fulfil.run();
                run.replays.add(fulfil);
            });
            case 7 -> till(run, step);
            case 8 -> payout(run, step);
            case 9 -> clock.set(clock.instant().plus(Duration.ofHours(1 + step.a() % 30)));
            case 10 -> order(run, step).ifPresent(o -> refund(run, o, step));
            default -> {
                if (!run.replays.isEmpty()) {
                    run.replays.get(step.a() % run.replays.size()).run();
                }
            }
        }
    }

    private static void till(Run run, Step step) {
        MoneyScene scene = run.scene;
        ProductId product = List.of(scene.honey, scene.tea, scene.rice).get(step.a() % 3);
        long listPrice = product.equals(scene.honey) ? 100_000 : product.equals(scene.tea) ? 45_000 : 60_000;
        Long price = step.c() % 4 == 0 ? null : (long) (step.c() % 4) * 30_000;
        int quantity = 1 + step.b() % 4;
        UUID movement = UUID.randomUUID();
        // rung up offline a few hours before it reached the server, but not before the outlet's consignment rate was set
        OffsetDateTime earlier = OffsetDateTime.now(clock).minusHours(step.b() % 5);
        OffsetDateTime at = earlier.isBefore(run.start) ? run.start : earlier;
        Runnable sync = () -> {
            scene.tillSale(movement, product, quantity, price, at);
            scene.money.tillSalesSynced(List.of(movement)).block();
        };
        sync.run();
        long total = (price == null ? listPrice : price) * quantity;
        ProducerId producer = product.equals(scene.rice) ? scene.coop : scene.household;
        run.tillSales.merge(producer, total, Long::sum);
        run.consignment.merge(producer, CONSIGNMENT.of(total), Long::sum);
        run.replays.add(sync);
        run.replays.add(() -> scene.money.catchUpTillSales().block());
    }

    private static void payout(Run run, Step step) {
        MoneyScene scene = run.scene;
        ProducerId producer = step.b() % 2 == 0 ? scene.household : scene.coop;
        long owed = scene.money.statement(producer, today(), today()).block().marketplace().closing();
        boolean advance = step.c() % 3 == 0; // paid ahead of sales, said so explicitly
        long amount = advance ? 1000L * (1 + step.a() % 50) : Math.max(1, owed * (1 + step.a() % 110) / 100);
        PayoutOrder order = new PayoutOrder(UUID.randomUUID(), amount, today(), "VCB-" + step.a(), null, advance);
        try {
            scene.money.pay(producer, order, "admin").block();
            run.payouts.merge(producer, amount, Long::sum);
            assertThat(advance || amount <= owed).as("a payout of %d recorded when %d is owed", amount, owed).isTrue();
            // recorded: the same payout again must change nothing (a refused one may well be accepted later, when more is owed)
            run.replays.add(() -> scene.money.pay(producer, order, "admin").block());
        } catch (OrdersException refused) {
            assertThat(refused.code()).as("refused a payout of %d when %d is owed", amount, owed).isEqualTo(OrdersErrorCode.MORE_THAN_OWED);
            assertThat(amount).isGreaterThan(owed);
        }
    }

    /** A complaint's refund of part of a delivered or collected parcel's goods (its first OCOP group), given back by its holder. */
    private static void refund(Run run, Order placed, Step step) {
        Order o = run.scene.reread(placed);
        Fulfilment f = o.fulfilments().get(0);
        if (f.status() != FulfilmentStatus.COMPLETED) {
            return;
        }
        Map.Entry<OcopGroup, long[]> first = groups(run.scene, f).entrySet().iterator().next();
        long goods = Math.max(1, first.getValue()[0] * (1 + step.b() % 100) / 100);
        PartRefund refund = new PartRefund(o.id(), f.id(), first.getKey(), new vn.ocop.catalog.Vnd(goods), new vn.ocop.catalog.Vnd(0),
                "complaint-" + UUID.randomUUID(), OffsetDateTime.now(clock));
        try {
            run.scene.money.refunded(refund, "admin").block();
            run.refunds.add(new Object[] {f.producer(), o.payment() == PaymentMethod.CARD, first.getKey(), goods});
            run.replays.add(() -> run.scene.money.refunded(refund, "admin").block());
        } catch (OrdersException refused) {
            assertThat(refused.code()).as("a refund refused only when more than was paid is asked back").isEqualTo(OrdersErrorCode.MORE_THAN_PAID);
        }
    }

    private static java.util.Optional<Order> order(Run run, Step step) {
        return run.orders.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(run.orders.get(step.a() % run.orders.size()));
    }

    /** A random sequence asks for moves the order refuses (delivering a cancelled order): refused, nothing changes. */
    private static void refusedOrDone(Runnable action) {
        try {
            action.run();
        } catch (OrdersException refused) {
            // the state did not allow it; the ledger must not have changed either (checked at the end)
        }
    }

    private static LocalDate today() {
        return context.getBean(Catalog.class).today();
    }

    private static long rows() {
        return db.sql("select count(*) as n from money_event").map((r, md) -> r.get("n", Long.class)).one().block();
    }

    static Gen<List<Step>> steps() {
        Gen<Step> step = integers().between(0, 15).zip(integers().between(0, 1000), integers().between(0, 1000), integers().between(0, 1000), Step::drawn);
        return lists().of(step).ofSizeBetween(4, 16)
                .describedAs(s -> s.stream().map(Step::describe).collect(Collectors.joining(", ")));
    }
}

package vn.ocop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;
import vn.ocop.devservices.TestServices;

/**
 * The sale rule is written twice, in SQL ({@code sellable_ranking}) for every list and in Java
 * ({@link SellablePolicy}) for explanations: for random products, producers, ranking histories and days,
 * both must agree on whether the product sells and on the ranking shown.
 */
class SellableRuleProperties {

    static final LocalDate BASE = LocalDate.of(2026, 11, 22);
    static Connection db;

    /** A ranking placed relative to the day tested: {@code issued} and {@code until} are day offsets from it. */
    record Cert(int stars, int issued, int until, boolean revoked) {
        static Cert of(int stars, int a, int b, boolean revoked) {
            return new Cert(stars, Math.min(a, b), Math.max(a, b), revoked);
        }
    }

    record Case(ProductStatus product, ProducerStatus producer, List<Cert> certs, int todayOffset) {
    }

    @BeforeContainer
    static void database() throws SQLException {
        var pg = TestServices.postgres();
        String name = TestServices.createDatabase("SellableRuleProperties");
        Flyway.configure().dataSource(pg.jdbcUrl(name), pg.user(), "").locations("classpath:db/migration/catalog").load().migrate();
        db = DriverManager.getConnection(pg.jdbcUrl(name), pg.user(), "");
    }

    @AfterContainer
    static void close() throws SQLException {
        db.close();
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void sqlAndJavaAgreeOnWhatSellsAndWhichRankingIsShown(@ForAll("cases") Case c) throws SQLException {
        LocalDate today = BASE.plusDays(c.todayOffset());
        UUID product = insert(c);
        Optional<UUID> sql = sqlRanking(product, today);
        List<Ranking> rankings = rankingsOf(product);
        SaleStatus java = SellablePolicy.evaluate(c.product(), c.producer(), rankings, today);

        assertThat(java.onSale()).as("on sale").isEqualTo(sql.isPresent());
        if (java.onSale()) {
            assertThat(java.ranking().id().value()).as("ranking shown").isEqualTo(sql.get());
        } else {
            assertThat(java.reason()).as("a reason is given").isNotNull();
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        // the edges of validity (the day before, the day itself, the day after) come up often on purpose
        Arbitrary<Integer> edgeOrAny = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(-1, 0, 1)),
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(-1300, 1300)));
        Arbitrary<Cert> cert = Combinators.combine(
                Arbitraries.integers().between(1, 5), edgeOrAny, edgeOrAny,
                Arbitraries.of(true, false, false, false)).as(Cert::of);
        return Combinators.combine(
                Arbitraries.of(ProductStatus.ACTIVE, ProductStatus.ACTIVE, ProductStatus.ACTIVE, ProductStatus.DRAFT, ProductStatus.ARCHIVED),
                Arbitraries.of(ProducerStatus.ACTIVE, ProducerStatus.ACTIVE, ProducerStatus.ACTIVE, ProducerStatus.SUSPENDED),
                cert.list().ofMaxSize(4),
                Arbitraries.integers().between(-40, 40)).as(Case::new);
    }

    private static UUID insert(Case c) throws SQLException {
        LocalDate today = BASE.plusDays(c.todayOffset());
        UUID producer = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        exec("insert into producer (id, kind, name, province, status) values (?, 'HOUSEHOLD', 'Hộ thử', 'Huế', ?)", producer, c.producer().name());
        exec("insert into product (id, producer_id, name, ocop_group, price_vnd, sales_unit, status, verification_code) values (?, ?, 'Sản phẩm thử', 'FOOD', 1000, 'gói', ?, ?)",
                product, producer, c.product().name(), product.toString());
        for (Cert cert : c.certs()) {
            LocalDate issued = today.plusDays(cert.issued());
            exec("insert into certification (id, product_id, stars, level, issuing_body, issued_on, valid_until, revoked_at, revocation_reason) values (?, ?, ?, 'PROVINCIAL', 'UBND', ?, ?, ?, ?)",
                    UUID.randomUUID(), product, cert.stars(), issued, today.plusDays(cert.until()),
                    cert.revoked() ? Timestamp.valueOf("2026-10-01 08:00:00") : null, cert.revoked() ? "thu hồi" : null);
        }
        return product;
    }

    private static Optional<UUID> sqlRanking(UUID product, LocalDate today) throws SQLException {
        try (var st = db.prepareStatement("select certification_id from sellable_ranking(?) where product_id = ?")) {
            st.setObject(1, today);
            st.setObject(2, product);
            var rs = st.executeQuery();
            return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
        }
    }

    private static List<Ranking> rankingsOf(UUID product) throws SQLException {
        List<Ranking> out = new ArrayList<>();
        try (var st = db.prepareStatement("select id, stars, issued_on, valid_until, revoked_at, revocation_reason from certification where product_id = ?")) {
            st.setObject(1, product);
            var rs = st.executeQuery();
            while (rs.next()) {
                Timestamp revoked = rs.getTimestamp("revoked_at");
                out.add(new Ranking(new CertificationId(rs.getObject("id", UUID.class)), new Stars(rs.getInt("stars")), null,
                        RankingLevel.PROVINCIAL, null, "UBND", null, rs.getObject("issued_on", LocalDate.class), "DAY", false,
                        rs.getObject("valid_until", LocalDate.class),
                        revoked == null ? null : OffsetDateTime.ofInstant(revoked.toInstant(), ZoneOffset.UTC),
                        rs.getString("revocation_reason")));
            }
        }
        return out;
    }

    private static void exec(String sql, Object... args) throws SQLException {
        try (var st = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.executeUpdate();
        }
    }
}

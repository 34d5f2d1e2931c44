package vn.ocop.catalog.listings;

import vn.ocop.catalog.rankings.Ranking;
import vn.ocop.catalog.rankings.RankingLevel;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.Stars;
import vn.ocop.catalog.producers.ProducerStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

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
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import vn.ocop.devservices.TestServices;

/**
 * The sale rule is written twice, in SQL ({@code sellable_ranking}) for every list and in Java
 * ({@link SellablePolicy}) for explanations: for random products, producers, ranking histories and days,
 * both must agree on whether the product sells and on the ranking shown. On failure QuickTheories prints the
 * smallest case it found, what was asserted, and the seed; {@code -DQT_SEED=…} replays it.
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

        LocalDate today() {
            return BASE.plusDays(todayOffset);
        }

        /** "today 2026-11-25, product ACTIVE, producer ACTIVE, rankings [#1 2★ 2026-11-24..2026-11-25, #2 4★ … revoked]" */
        String describe() {
            List<String> rankings = new ArrayList<>();
            for (int i = 0; i < certs.size(); i++) {
                rankings.add(describe(i));
            }
            return "today " + today() + ", product " + product + ", producer " + producer + ", rankings " + rankings;
        }

        /** Ranking {@code i} of the case as in {@link #describe()}: "#1 2★ 2026-11-24..2026-11-25". */
        String describe(int i) {
            Cert r = certs.get(i);
            return "#" + (i + 1) + " " + r.stars() + "★ " + today().plusDays(r.issued()) + ".." + today().plusDays(r.until())
                    + (r.revoked() ? " revoked" : "");
        }

        /** A certification row inserted for this case, named as in {@link #describe()}. */
        String label(List<UUID> certIds, UUID id) {
            int i = certIds.indexOf(id);
            return i < 0 ? "unknown ranking " + id : "ranking " + describe(i);
        }
    }

    @BeforeAll
    static void database() throws SQLException {
        var pg = TestServices.postgres();
        String name = TestServices.createDatabase("SellableRuleProperties");
        Flyway.configure().dataSource(pg.jdbcUrl(name), pg.user(), "").locations("classpath:db/migration/catalog").load().migrate();
        db = DriverManager.getConnection(pg.jdbcUrl(name), pg.user(), "");
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void sqlAndJavaAgreeOnWhatSellsAndWhichRankingIsShown() {
        qt().withExamples(1000).forAll(cases()).checkAssert(c -> {
            try {
                agree(c);
            } catch (SQLException e) {
                throw new IllegalStateException("the database refused " + c.describe(), e);
            }
        });
    }

    private static void agree(Case c) throws SQLException {
        LocalDate today = c.today();
        List<UUID> certIds = new ArrayList<>();
        UUID product = insert(c, certIds);
        Optional<UUID> sql = sqlRanking(product, today);
        List<Ranking> rankings = rankingsOf(product);
        SaleStatus java = SellablePolicy.evaluate(c.product(), c.producer(), rankings, today);

        String javaSays = java.onSale() ? "on sale with " + c.label(certIds, java.ranking().id().value())
                : "not on sale: " + (java.reason() == null ? "no reason" : java.reason().describe());
        String sqlSays = sql.map(id -> "on sale with " + c.label(certIds, id)).orElse("not on sale");
        assertThat(java.onSale()).as("on sale? SellablePolicy says %s, sellable_ranking says %s", javaSays, sqlSays)
                .isEqualTo(sql.isPresent());
        if (java.onSale()) {
            assertThat(java.ranking().id().value()).as("ranking shown: SellablePolicy shows %s, sellable_ranking shows %s", javaSays, sqlSays)
                    .isEqualTo(sql.get());
        } else {
            assertThat(java.reason()).as("a reason is given when not on sale").isNotNull();
        }
    }

    static Gen<Case> cases() {
        // the edges of validity (the day before, the day itself, the day after) come up often on purpose
        Gen<Integer> edgeOrAny = Generate.frequency(
                Pair.of(3, arbitrary().pick(-1, 0, 1)),
                Pair.of(5, integers().between(-1300, 1300)));
        Gen<Cert> cert = integers().between(1, 5).zip(edgeOrAny, edgeOrAny, arbitrary().pick(true, false, false, false), Cert::of);
        return arbitrary().pick(ProductStatus.ACTIVE, ProductStatus.ACTIVE, ProductStatus.ACTIVE, ProductStatus.DRAFT, ProductStatus.ARCHIVED)
                .zip(arbitrary().pick(ProducerStatus.ACTIVE, ProducerStatus.ACTIVE, ProducerStatus.ACTIVE, ProducerStatus.SUSPENDED),
                        lists().of(cert).ofSizeBetween(0, 4),
                        integers().between(-40, 40),
                        Case::new)
                .describedAs(Case::describe);
    }

    /** Inserts the case's producer, product and rankings; the rankings' ids are added to {@code certIds} in order. */
    private static UUID insert(Case c, List<UUID> certIds) throws SQLException {
        LocalDate today = c.today();
        UUID producer = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        exec("insert into producer (id, kind, name, province, status) values (?, 'HOUSEHOLD', 'Hộ thử', 'Huế', ?)", producer, c.producer().name());
        exec("insert into product (id, producer_id, name, ocop_group, price_vnd, sales_unit, status, verification_code) values (?, ?, 'Sản phẩm thử', 'FOOD', 1000, 'gói', ?, ?)",
                product, producer, c.product().name(), product.toString());
        for (Cert cert : c.certs()) {
            LocalDate issued = today.plusDays(cert.issued());
            UUID id = UUID.randomUUID();
            certIds.add(id);
            exec("insert into certification (id, product_id, stars, level, issuing_body, issued_on, valid_until, revoked_at, revocation_reason) values (?, ?, ?, 'PROVINCIAL', 'UBND', ?, ?, ?, ?)",
                    id, product, cert.stars(), issued, today.plusDays(cert.until()),
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

package vn.ocop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * What the tills need in the database before they can sync, written directly over JDBC: sellable products
 * (from {@link CatalogGenerator}), outlets (showrooms, sales points, highway stops, all with pickup) and one
 * till key per till (the store keeps only its SHA-256; the till keeps the key itself).
 */
final class TillFleet {

    private static final String[] KINDS = {"SHOWROOM", "SALES_POINT", "HIGHWAY_STOP"};
    private static final String[] PROVINCES = {"Hà Nội", "Huế", "Đà Nẵng", "Lâm Đồng", "Cần Thơ", "Hồ Chí Minh", "Lào Cai"};

    private final Connection db;
    private final Random random;
    private final SecureRandom keys = new SecureRandom();

    TillFleet(Connection db, Random random) {
        this.db = db;
        this.random = random;
    }

    /** {@code tills} tills spread round-robin over {@code locations} new outlets, each stocking some of {@code products} new products. */
    List<Till> create(int tills, int locations, int products, int productsPerTill) throws SQLException, IOException {
        List<UUID> catalog = products(products);
        List<UUID> outlets = new ArrayList<>();
        for (int l = 0; l < locations; l++) {
            outlets.add(outlet(l));
        }
        List<Till> fleet = new ArrayList<>();
        for (int t = 0; t < tills; t++) {
            UUID location = outlets.get(t % locations);
            String device = "till-" + t;
            fleet.add(new Till(device, location, issueKey(location, device), someOf(catalog, productsPerTill), new Random(random.nextLong())));
        }
        return fleet;
    }

    private List<UUID> products(int n) throws SQLException, IOException {
        new CatalogGenerator().generate(db, n);
        List<UUID> ids = new ArrayList<>();
        try (var rs = db.createStatement().executeQuery("select id from product order by id")) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private UUID outlet(int n) throws SQLException {
        UUID id = UUID.randomUUID();
        String kind = KINDS[n % KINDS.length];
        String province = PROVINCES[n % PROVINCES.length];
        try (var st = db.prepareStatement("insert into location (id, kind, name, province, address, pickup_allowed) values (?, ?, ?, ?, ?, true)")) {
            st.setObject(1, id);
            st.setString(2, kind);
            st.setString(3, "Điểm bán OCOP " + province + " " + n);
            st.setString(4, province);
            st.setString(5, (n + 1) + " đường Quốc lộ 1A, " + province);
            st.executeUpdate();
        }
        return id;
    }

    private String issueKey(UUID location, String label) throws SQLException {
        byte[] bytes = new byte[32];
        keys.nextBytes(bytes);
        String key = "ocop_till_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try (var st = db.prepareStatement("insert into till_key (id, location_id, label, key_hash) values (?, ?, ?, ?)")) {
            st.setObject(1, UUID.randomUUID());
            st.setObject(2, location);
            st.setString(3, label);
            st.setString(4, sha256Hex(key));
            st.executeUpdate();
        }
        return key;
    }

    private List<UUID> someOf(List<UUID> catalog, int n) {
        List<UUID> shuffled = new ArrayList<>(catalog);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, Math.min(n, shuffled.size())));
    }

    static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

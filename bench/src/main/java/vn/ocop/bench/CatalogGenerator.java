package vn.ocop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic products in bulk: names, producers, provinces and stars drawn from the 319 real demo products
 * (catalog/src/main/resources/demo/ocop_products.csv), varied with the words of real sales units and
 * grades, all with a ranking valid today. Deterministic for a given seed.
 */
final class CatalogGenerator {

    private static final String[] VARIANTS = {"", "loại 1", "đặc biệt", "hộp quà", "túi 500g", "chai 500ml", "hũ 300g",
        "gói 100g", "cao cấp", "truyền thống", "hữu cơ", "túi lọc", "Tết", "xuất khẩu", "nguyên chất"};
    private static final String[] GROUPS = {"FOOD", "FOOD", "FOOD", "DRINKS", "HERBAL", "HANDICRAFT", "TOURISM"};

    private record Row(String name, int stars, String producer, String province) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Random random = new Random(20261122);

    CatalogGenerator() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("catalog/src/main/resources/demo/ocop_products.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = fields(line);
            if (f.length >= 4 && !f[2].isBlank()) {
                rows.add(new Row(f[0], Integer.parseInt(f[1]), f[2], f[3]));
            }
        }
    }

    /** Inserts {@code products} products (and a producer for every 50) in batches, one transaction per batch. */
    void generate(Connection db, int products) throws SQLException {
        db.setAutoCommit(false);
        LocalDate today = LocalDate.now();
        UUID producer = null;
        try (var pr = db.prepareStatement("insert into producer (id, kind, name, province) values (?, 'COOPERATIVE', ?, ?)");
             var p = db.prepareStatement("insert into product (id, producer_id, name, ocop_group, price_vnd, sales_unit, status, verification_code) values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?)");
             var c = db.prepareStatement("insert into certification (id, product_id, stars, level, issuing_body, issued_on, valid_until) values (?, ?, ?, ?, 'UBND tỉnh', ?, ?)")) {
            for (int i = 0; i < products; i++) {
                Row row = rows.get(random.nextInt(rows.size()));
                if (i % 50 == 0) {
                    producer = UUID.randomUUID();
                    pr.setObject(1, producer);
                    pr.setString(2, row.producer() + " " + (i / 50));
                    pr.setString(3, row.province());
                    pr.executeUpdate();
                }
                UUID id = UUID.randomUUID();
                p.setObject(1, id);
                p.setObject(2, producer);
                p.setString(3, (row.name() + " " + VARIANTS[random.nextInt(VARIANTS.length)]).trim());
                p.setString(4, GROUPS[random.nextInt(GROUPS.length)]);
                p.setLong(5, 1000L * (20 + random.nextInt(980)));
                p.setString(6, "hộp");
                p.setString(7, id.toString().replace("-", "").substring(0, 16));
                p.addBatch();
                LocalDate issued = today.minusDays(random.nextInt(900));
                c.setObject(1, UUID.randomUUID());
                c.setObject(2, id);
                c.setInt(3, row.stars());
                c.setString(4, row.stars() == 5 ? "NATIONAL" : "PROVINCIAL");
                c.setObject(5, issued);
                c.setObject(6, issued.plusMonths(36));
                c.addBatch();
                if (i % 2000 == 1999 || i == products - 1) {
                    p.executeBatch();
                    c.executeBatch();
                    db.commit();
                }
            }
        }
        db.setAutoCommit(true);
    }

    /** One CSV line's fields; quoted fields may hold commas and doubled quotes. */
    static String[] fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString());
        return out.toArray(String[]::new);
    }

    /** Words shoppers would type: real product names and their first words, folded or not. */
    List<String> queries(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] words = rows.get(random.nextInt(rows.size())).name().split("\\s+");
            int len = Math.min(words.length, 1 + random.nextInt(3));
            String q = String.join(" ", java.util.Arrays.copyOfRange(words, 0, len));
            out.add(random.nextBoolean() ? q : java.text.Normalizer.normalize(q, java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}+", "").replace('đ', 'd').replace('Đ', 'D').toLowerCase());
        }
        return out;
    }
}

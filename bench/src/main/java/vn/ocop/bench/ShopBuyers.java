package vn.ocop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Accounts for a benchmark, each signed in once: the first is registered through the API, the others are copies
 * of it with their own e-mail (a bcrypt hash per account would cost minutes), then each signs in through the
 * login form, four at a time (sign-in allows five attempts in flight per client address, and all come from one).
 */
final class ShopBuyers {

    private ShopBuyers() {
    }

    static List<Buyer> signIn(HttpClient http, ShopUnderTest shop, Connection db, int count, String password) throws Exception {
        return signIn(http, shop, db, count, password, "buyer", null);
    }

    /** {@code prefix}0@bench.ocop.vn … ; {@code afterRegistering} runs once the accounts exist (to give one a role, say). */
    static List<Buyer> signIn(HttpClient http, ShopUnderTest shop, Connection db, int count, String password, String prefix,
                              String afterRegistering) throws Exception {
        var first = http.send(HttpRequest.newBuilder(URI.create(shop.url + "/api/v1/accounts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + prefix + "0@bench.ocop.vn\",\"displayName\":\"Người mua 0\",\"password\":\""
                        + password + "\",\"confirmPassword\":\"" + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 201) {
            throw new IllegalStateException("registration: " + first.statusCode() + " " + first.body());
        }
        try (var st = db.prepareStatement("""
                insert into account (id, email, password_hash, display_name, role)
                select gen_random_uuid(), ? || n || '@bench.ocop.vn', a.password_hash, 'Người mua ' || n, 'SHOPPER'
                from account a, generate_series(1, ?) n where a.email = ? || '0@bench.ocop.vn'""")) {
            st.setString(1, prefix);
            st.setInt(2, count - 1);
            st.setString(3, prefix);
            st.executeUpdate();
        }
        if (afterRegistering != null) {
            try (var st = db.createStatement()) {
                st.executeUpdate(afterRegistering);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var futures = IntStream.range(0, count)
                    .mapToObj(n -> pool.submit(() -> Buyer.signIn(http, shop.url, prefix + n + "@bench.ocop.vn", password))).toList();
            List<Buyer> sessions = new ArrayList<>();
            for (var f : futures) {
                sessions.add(f.get());
            }
            return sessions;
        } finally {
            pool.shutdown();
        }
    }
}

package vn.ocop.storefront.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import vn.ocop.storefront.StorefrontApplication;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.producer.SignedIn;

/**
 * Sessions in PostgreSQL: none for anonymous visitors, one per signed-in person that a second instance of the
 * application on the same database (or this one after a restart) honours, gone when expired, and cookies fit for
 * a site behind a TLS-terminating proxy. Each instance keeps the sessions it read in memory ({@link SessionCache}):
 * a change announced by PostgreSQL reaches every instance, and a lost LISTEN connection drops every copy.
 */
@StorefrontTest
class SessionsIntegrationTests {

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Environment environment;
    @Autowired
    PostgresSessions sessions;
    @Autowired
    SessionCache cache;

    @Test
    void anonymousBrowsingOfPublicPagesStoresNoSessionAndSetsNoSessionCookie() {
        db.sql("delete from web_session").then().block();
        UUID product = db.sql("select id from product where name = 'Trà hoa vàng Ba Chẽ'").map((r, m) -> r.get("id", UUID.class)).first().block();
        String code = db.sql("select verification_code from product where id = :id").bind("id", product)
                .map((r, m) -> r.get("verification_code", String.class)).one().block();
        List<String> pages = List.of("/", "/search?q=" + URLEncoder.encode("mật ong", StandardCharsets.UTF_8), "/products/" + product,
                "/live", "/verify/" + code, "/cart", "/login", "/register", "/products/" + product + "?lang=en");

        for (String page : pages) {
            var result = web.get().uri(page).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult();
            assertThat(result.getResponseCookies().get("SESSION")).as("session cookie on " + page).isNull();
        }
        var protectedPage = web.get().uri("/orders").accept(MediaType.TEXT_HTML).exchange().expectStatus().is3xxRedirection()
                .expectBody(String.class).returnResult();
        assertThat(protectedPage.getResponseCookies().get("SESSION")).as("sent to sign in, still no session").isNull();
        assertThat(protectedPage.getResponseCookies().getFirst("REDIRECT_URI")).as("the page to return to, in a cookie").isNotNull();

        assertThat(storedSessions()).isZero();
    }

    @Test
    void afterSigningInThePageAskedForIsShownAndOnlyThenASessionIsStored() {
        db.sql("delete from web_session").then().block();
        var asked = web.get().uri("/orders").accept(MediaType.TEXT_HTML).exchange().expectStatus().is3xxRedirection()
                .expectBody(String.class).returnResult();
        String returnTo = asked.getResponseCookies().getFirst("REDIRECT_URI").getValue();
        var form = web.get().uri("/login").cookie("REDIRECT_URI", returnTo).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        assertThat(form.getResponseCookies().get("REDIRECT_URI")).as("the sign-in page keeps it").isNull();
        String csrfCookie = form.getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        String csrf = form.getResponseBody().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        assertThat(storedSessions()).isZero();

        var signedIn = web.post().uri("/login").cookie("REDIRECT_URI", returnTo).cookie("XSRF-TOKEN", csrfCookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(SignedIn.form("username", "shopper@demo.ocop.vn", "password", "ocop-demo-2026", "_csrf", csrf)))
                .exchange().expectStatus().is3xxRedirection().expectBody(String.class).returnResult();
        assertThat(signedIn.getResponseHeaders().getLocation()).hasToString("/orders");
        assertThat(signedIn.getResponseCookies().getFirst("SESSION")).isNotNull();
        assertThat(storedSessions()).isEqualTo(1);
    }

    @Test
    void aSignedInSessionHoldsOnASecondInstanceAndAfterARestart() {
        SignedIn shopper = SignedIn.as(web, "shopper@demo.ocop.vn", "ocop-demo-2026");
        assertThat(shopper.page("/")).contains("shopper@demo.ocop.vn");

        try (ConfigurableApplicationContext second = secondInstance()) {
            int port = ((WebServerApplicationContext) second).getWebServer().getPort();
            // a client of that server (web.mutate().baseUrl(…) kept sending to this instance)
            WebTestClient other = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
            String html = other.get().uri("/orders").cookie("SESSION", shopper.session()).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(html).as("signed in on the other instance").contains("shopper@demo.ocop.vn", "action=\"/logout\"");
        }
        assertThat(shopper.page("/orders")).as("and still here").contains("shopper@demo.ocop.vn");
    }

    @Test
    void aSignOutOnOneInstanceEndsTheSessionThatAnotherKeepsInMemory() {
        SignedIn shopper = SignedIn.as(web, "shopper@demo.ocop.vn", "ocop-demo-2026");
        try (ConfigurableApplicationContext second = secondInstance()) {
            WebTestClient other = WebTestClient.bindToServer().baseUrl("http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort()).build();
            SessionCache otherCache = second.getBean(SessionCache.class);
            await().atMost(Duration.ofSeconds(10)).until(otherCache::listening);
            other.get().uri("/orders").cookie("SESSION", shopper.session()).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
            assertThat(otherCache.get(PostgresSessions.key(shopper.session()))).as("the other instance keeps the session it read").isNotNull();

            shopper.post("/logout", SignedIn.form("_csrf", shopper.csrf("/orders"))).expectStatus().is3xxRedirection();

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    other.get().uri("/orders").cookie("SESSION", shopper.session()).accept(MediaType.TEXT_HTML).exchange()
                            .expectStatus().is3xxRedirection().expectHeader().location("/login"));
            assertThat(otherCache.get(PostgresSessions.key(shopper.session()))).isNull();
        }
    }

    @Test
    void aSessionKeptInMemoryIsServedWithoutItsRowUntilTheListenConnectionIsLost() {
        SignedIn shopper = SignedIn.as(web, "shopper@demo.ocop.vn", "ocop-demo-2026");
        byte[] id = PostgresSessions.hash(shopper.session());
        await().atMost(Duration.ofSeconds(10)).until(cache::listening);
        assertThat(shopper.page("/orders")).contains("shopper@demo.ocop.vn");

        // deleted with triggers off (as a replica applies changes): nothing is announced, and the copy still signs in,
        // which shows that a signed-in request read no row
        db.inConnection(c -> Flux.from(c.createStatement("set session_replication_role = replica").execute()).flatMap(Result::getRowsUpdated)
                .thenMany(Flux.from(c.createStatement("delete from web_session where id_hash = $1").bind("$1", id).execute()).flatMap(Result::getRowsUpdated))
                .thenMany(Flux.from(c.createStatement("set session_replication_role = origin").execute()).flatMap(Result::getRowsUpdated))
                .then()).block();
        assertThat(db.sql("select count(*) as n from web_session where id_hash = :id").bind("id", id)
                .map((r, m) -> r.get("n", Long.class)).one().block()).as("the row is gone").isZero();
        assertThat(shopper.page("/orders")).as("served from memory").contains("shopper@demo.ocop.vn");

        // the LISTEN connection is lost: announcements may be missed, so every copy goes and rows are read again
        db.sql("select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN " + SessionCache.CHANNEL + "'")
                .then().block();
        // it is listened for again after at least 250 ms (the retry's back-off): seen down well before that
        await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(10)).until(() -> !cache.listening());
        assertThat(cache.get(PostgresSessions.key(shopper.session()))).as("nothing served from memory").isNull();
        shopper.request(web.get().uri("/orders").accept(MediaType.TEXT_HTML)).expectStatus().is3xxRedirection()
                .expectHeader().location("/login");
        await().atMost(Duration.ofSeconds(15)).until(cache::listening);
    }

    @Test
    void aRequestWritesTheLastAccessOnlyWhenTheStoredOneIsAMinuteOld() {
        SignedIn shopper = SignedIn.as(web, "shopper@demo.ocop.vn", "ocop-demo-2026");
        byte[] id = PostgresSessions.hash(shopper.session());
        String stored = "select last_accessed_at::text || ' ' || expires_at::text as at from web_session where id_hash = :id";
        String afterSignIn = db.sql(stored).bind("id", id).map((r, m) -> r.get("at", String.class)).one().block();

        assertThat(shopper.page("/orders")).contains("shopper@demo.ocop.vn");
        assertThat(db.sql(stored).bind("id", id).map((r, m) -> r.get("at", String.class)).one().block())
                .as("a request within the minute writes nothing").isEqualTo(afterSignIn);

        db.sql("update web_session set last_accessed_at = last_accessed_at - interval '2 minutes', "
                + "expires_at = expires_at - interval '2 minutes' where id_hash = :id").bind("id", id).then().block();
        // a last access only moves forward, so it is never announced; the copy in memory, read before the row was
        // moved back, goes as every copy does after a minute (ocop.sessions.cache.keep)
        cache.evict(PostgresSessions.key(shopper.session()));
        assertThat(shopper.page("/orders")).contains("shopper@demo.ocop.vn");
        assertThat(db.sql("select expires_at > now() + interval '29 minutes' as renewed from web_session where id_hash = :id").bind("id", id)
                .map((r, m) -> r.get("renewed", Boolean.class)).one().block())
                .as("two minutes stale: written, the timeout counted from now").isTrue();
    }

    @Test
    void aSignedInSessionIsReadWithItsAccountInOneStatementAndANameThatDoesNotMatchIsNeverTrusted() {
        SignedIn shopper = SignedIn.as(web, "shopper@demo.ocop.vn", "ocop-demo-2026");
        byte[] id = PostgresSessions.hash(shopper.session());
        assertThat(db.sql("select account_email from web_session where id_hash = :id").bind("id", id)
                .map((r, m) -> r.get("account_email", String.class)).one().block()).as("whom it signs in, beside its attributes")
                .isEqualTo("shopper@demo.ocop.vn");

        StoredSession read = sessions.findById(shopper.session()).block();
        vn.ocop.storefront.account.Account account = read.getAttribute(StoredSession.ACCOUNT_READ_WITH_IT);
        assertThat(account.email()).as("read in the same statement").isEqualTo("shopper@demo.ocop.vn");
        assertThat(read.getAttributeNames()).as("never an attribute, so never stored").doesNotContain(StoredSession.ACCOUNT_READ_WITH_IT);

        // a row whose column names someone else (never written so; tampered with, say): the session's own principal decides
        db.sql("update web_session set account_email = 'producer@demo.ocop.vn' where id_hash = :id").bind("id", id).then().block();
        assertThat(shopper.page("/orders")).contains("shopper@demo.ocop.vn").doesNotContain("producer@demo.ocop.vn");
        // a session stored before the column: its account is read on its own, as before
        db.sql("update web_session set account_email = null where id_hash = :id").bind("id", id).then().block();
        assertThat(shopper.page("/orders")).contains("shopper@demo.ocop.vn");

        // read with the session or not, a disabled account's session ends at its next request
        db.sql("update web_session set account_email = 'shopper@demo.ocop.vn' where id_hash = :id").bind("id", id).then().block();
        db.sql("update account set enabled = false where email = 'shopper@demo.ocop.vn'").then().block();
        awaitDropped(shopper.session()); // PostgreSQL announces the change after commit, to every instance
        try {
            web.get().uri("/orders").cookie("SESSION", shopper.session()).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().is3xxRedirection();
            assertThat(db.sql("select count(*) as n from web_session where id_hash = :id").bind("id", id)
                    .map((r, m) -> r.get("n", Long.class)).one().block()).as("the session ended").isZero();
        } finally {
            db.sql("update account set enabled = true where email = 'shopper@demo.ocop.vn'").then().block();
        }
    }

    @Test
    void anExpiredSessionNoLongerSignsInAndIsPurged() {
        SignedIn shopper = SignedIn.as(web, "shopper@demo.ocop.vn", "ocop-demo-2026");
        byte[] id = PostgresSessions.hash(shopper.session());
        long updated = db.sql("update web_session set last_accessed_at = now() - interval '31 minutes', "
                        + "expires_at = now() - interval '1 minute' where id_hash = :id")
                .bind("id", id).fetch().rowsUpdated().block();
        assertThat(updated).isEqualTo(1);
        // moved back in time behind the cache's back (a real session expires by time passing, which its copy sees too)
        cache.evict(PostgresSessions.key(shopper.session()));

        var page = shopper.request(web.get().uri("/").accept(MediaType.TEXT_HTML)).expectStatus().isOk()
                .expectBody(String.class).returnResult();
        assertThat(page.getResponseBody()).doesNotContain("shopper@demo.ocop.vn");
        assertThat(page.getResponseCookies().getFirst("SESSION").getMaxAge()).as("the browser is told to forget it").isZero();
        shopper.request(web.get().uri("/orders").accept(MediaType.TEXT_HTML)).expectStatus().is3xxRedirection()
                .expectHeader().location("/login");

        assertThat(sessions.purgeExpired().block()).isPositive();
        assertThat(db.sql("select count(*) as n from web_session where id_hash = :id").bind("id", id)
                .map((r, m) -> r.get("n", Long.class)).one().block()).isZero();
    }

    @Test
    void behindAProxyThatSaysHttpsTheCookiesAreSecure() {
        var plain = signInThroughTheForm(Map.of());
        ResponseCookie session = plain.getFirst("SESSION");
        assertThat(session.isSecure()).as("plain http").isFalse();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");

        var tls = signInThroughTheForm(Map.of("X-Forwarded-Proto", "https"));
        assertThat(tls.getFirst("SESSION").isSecure()).isTrue();
        assertThat(tls.getFirst("SESSION").isHttpOnly()).isTrue();
        assertThat(tls.getFirst("SESSION").getSameSite()).isEqualTo("Lax");
        assertThat(tls.getFirst("XSRF-TOKEN").isSecure()).isTrue();
        assertThat(tls.getFirst("XSRF-TOKEN").isHttpOnly()).isTrue();
    }

    /** The cookies a browser collects on GET /login and POST /login with these extra request headers. */
    private MultiValueMap<String, ResponseCookie> signInThroughTheForm(Map<String, String> headers) {
        var form = web.get().uri("/login").headers(h -> headers.forEach(h::add)).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        ResponseCookie csrfCookie = form.getResponseCookies().getFirst("XSRF-TOKEN");
        String csrf = form.getResponseBody().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        var login = web.post().uri("/login").headers(h -> headers.forEach(h::add)).cookie("XSRF-TOKEN", csrfCookie.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(SignedIn.form("username", "shopper@demo.ocop.vn", "password", "ocop-demo-2026", "_csrf", csrf)))
                .exchange().expectStatus().is3xxRedirection().expectBody(String.class).returnResult();
        var cookies = new LinkedMultiValueMap<>(login.getResponseCookies());
        cookies.add("XSRF-TOKEN", csrfCookie);
        return cookies;
    }

    /** Waits until this instance no longer keeps the session in memory (an announcement has been received). */
    private void awaitDropped(String session) {
        await().atMost(Duration.ofSeconds(5)).until(() -> cache.get(PostgresSessions.key(session)) == null);
    }

    private long storedSessions() {
        return db.sql("select count(*) as n from web_session").map((r, m) -> r.get("n", Long.class)).one().block();
    }

    /** The same application on another port and the same database: what a second instance, or a restart, sees. */
    private ConfigurableApplicationContext secondInstance() {
        Map<String, Object> properties = new HashMap<>();
        for (String name : List.of("spring.r2dbc.url", "spring.r2dbc.username", "ocop.elasticsearch.url", "ocop.elasticsearch.index")) {
            properties.put(name, environment.getRequiredProperty(name));
        }
        properties.putAll(Map.of(
                "spring.r2dbc.password", "",
                "spring.r2dbc.pool.max-size", "4",
                "spring.flyway.enabled", "false",
                "server.port", "0",
                "ocop.devservices.enabled", "false",
                "ocop.demo", "false",
                "ocop.search.indexer.enabled", "false",
                "ocop.orders.schedule", "false",
                "ocop.notices.schedule", "false",
                "ocop.housekeeping.schedule", "false"));
        // as command-line arguments, which outrank application.properties (server.port=${PORT:8080} there)
        return new SpringApplicationBuilder(StorefrontApplication.class)
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    }
}

package vn.ocop.storefront.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.HtmlUtils;
import vn.ocop.storefront.StorefrontTest;
import reactor.core.publisher.Mono;
import vn.ocop.storefront.account.Registration;
import vn.ocop.storefront.account.SignInAttempts;
import vn.ocop.storefront.account.TooManySignInAttempts;
import vn.ocop.storefront.web.producer.SignedIn;

/**
 * Password guessing through the sign-in form and HTTP Basic, against the real PostgreSQL counters. Each test
 * signs in from client addresses of its own (X-Forwarded-For, honoured as behind a proxy) and with accounts of
 * its own, so that no test's lockout reaches another. The password encoder is the real one, watched by a spy.
 */
@StorefrontTest
class SignInThrottleIntegrationTests {

    private static final String PASSWORD = "tra-sen-tay-ho-2026";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    WebTestClient web;
    @Autowired
    Registration registration;
    @Autowired
    SignInAttempts attempts;
    @Autowired
    DatabaseClient db;
    @MockitoSpyBean
    PasswordEncoder encoder;

    @Test
    void fiveWrongPasswordsLockTheAccountSoTheRightOneIsRefusedOnTheFormWithAWait() {
        String lan = newAccount();
        Form form = openForm();
        for (int i = 0; i < 5; i++) {
            signInWithForm(form, lan, "wrong-password-" + i, newAddress(), "").expectStatus().is3xxRedirection()
                    .expectHeader().location("/login?error");
        }
        clearInvocations(encoder);

        var refused = signInWithForm(form, lan, PASSWORD, newAddress(), "").expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult();
        assertThat(retryAfter(refused)).isBetween(1L, 60L);
        assertThat(refused.getResponseCookies().getFirst("SESSION")).as("not signed in").isNull();
        assertThat(text(refused.getResponseBody()))
                .contains("Đã có quá nhiều lần đăng nhập không thành công. Vui lòng đợi 1 phút rồi thử lại.")
                .contains("name=\"_csrf\"", "name=\"password\"");
        verify(encoder, never()).matches(any(), any());

        String english = text(signInWithForm(form, lan, PASSWORD, newAddress(), "?lang=en").expectStatus().isEqualTo(429)
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(english).contains("Too many unsuccessful sign-in attempts. Please wait 1 minute(s) and try again.");
    }

    @Test
    void overHttpBasicTheLockIsATooManyAttemptsProblemWithRetryAfter() {
        String minh = newAccount();
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            basic(minh, "wrong-password-" + i, address).expectStatus().isUnauthorized();
        }
        clearInvocations(encoder);

        var refused = basic(minh, PASSWORD, newAddress()).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult();
        assertThat(retryAfter(refused)).isBetween(1L, 60L);
        assertThat(refused.getResponseBody()).contains("\"code\":\"too-many-attempts\"", "\"status\":429");
        verify(encoder, never()).matches(any(), any());
    }

    @Test
    void fiveFailuresFromOneAddressLockThatAddressForEveryAccount() {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            basic(newAccount(), "wrong-password", address).expectStatus().isUnauthorized();
        }
        String hoa = newAccount();

        basic(hoa, PASSWORD, address).expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.code").isEqualTo("too-many-attempts");
        Form form = openForm();
        signInWithForm(form, hoa, PASSWORD, address, "").expectStatus().isEqualTo(429);
        basic(hoa, PASSWORD, newAddress()).expectStatus().isOk();
    }

    @Test
    void aSuccessClearsTheAccountsFailures() {
        String binh = newAccount();
        for (int round = 0; round < 3; round++) {
            String address = newAddress();
            for (int i = 0; i < 4; i++) {
                basic(binh, "wrong-password", address).expectStatus().isUnauthorized();
            }
            basic(binh, PASSWORD, address).expectStatus().isOk();
        }
        Form form = openForm();
        var signedIn = signInWithForm(form, binh, PASSWORD, newAddress(), "").expectStatus().is3xxRedirection()
                .expectBody(String.class).returnResult();
        assertThat(signedIn.getResponseHeaders().getLocation()).hasToString("/");
    }

    @Test
    void anUnknownEmailIsCheckedAgainstADummyHashWithTheSameEncoder() {
        String known = newAccount();
        clearInvocations(encoder);
        basic("nobody-" + UUID.randomUUID() + "@example.vn", PASSWORD, newAddress()).expectStatus().isUnauthorized();
        verify(encoder, times(1)).matches(eq(PASSWORD), startsWith("{bcrypt}$2a$10$"));

        clearInvocations(encoder);
        basic(known, "wrong-password", newAddress()).expectStatus().isUnauthorized();
        verify(encoder, times(1)).matches(eq("wrong-password"), startsWith("{bcrypt}$2a$10$"));

        clearInvocations(encoder);
        basic("bad\u0000name@example.vn", PASSWORD, newAddress()).expectStatus().isUnauthorized();
        verify(encoder, times(1)).matches(eq(PASSWORD), anyString());
    }

    @Test
    void failuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
        String account = "window-" + UUID.randomUUID() + "@example.vn";
        Instant start = Instant.parse("2020-01-01T08:00:00Z");
        for (int i = 0; i < 4; i++) {
            fail(account, start.plusSeconds(60L * i));
        }
        Instant later = start.plus(Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            fail(account, later);
        }
        attempts.start(account, newAddress(), later).block();
        attempts.failed(account, newAddress(), later).block();
        assertThat(refusal(attempts.start(account, newAddress(), later))).as("five within the window lock").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void eachFurtherLockoutWaitsTwiceAsLongUpToFifteenMinutes() {
        String account = "growth-" + UUID.randomUUID() + "@example.vn";
        Instant t = Instant.parse("2020-01-02T08:00:00Z");
        List<Long> minutes = new ArrayList<>();
        for (int lockout = 0; lockout < 6; lockout++) {
            for (int i = 0; i < 5; i++) {
                fail(account, t);
            }
            Duration wait = refusal(attempts.start(account, newAddress(), t));
            minutes.add(wait.toMinutes());
            assertThat(refusal(attempts.start(account, newAddress(), t.plus(wait).minusSeconds(1))))
                    .as("still locked a second before the end").isEqualTo(Duration.ofSeconds(1));
            t = t.plus(wait);
        }
        assertThat(minutes).containsExactly(1L, 2L, 4L, 8L, 15L, 15L);
    }

    @Test
    void atMostFiveAttemptsAtOnceSoParallelGuessesCannotSlipPast() {
        String account = "parallel-" + UUID.randomUUID() + "@example.vn";
        String address = newAddress();
        Instant t = Instant.parse("2020-01-04T08:00:00Z");
        for (int i = 0; i < 5; i++) {
            attempts.start(account, address, t).block();
        }
        assertThat(refusal(attempts.start(account, address, t))).as("a sixth at once waits a second").isEqualTo(Duration.ofSeconds(1));
        assertThat(refusal(attempts.start(account, address, t))).as("and the refused one is not counted").isEqualTo(Duration.ofSeconds(1));

        attempts.succeeded(account, address).block();
        attempts.start(account, address, t).block();
        assertThat(refusal(attempts.start(account, address, t))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void countsQuietForADayArePurgedButNotARunningLock() {
        String quiet = "quiet-" + UUID.randomUUID() + "@example.vn";
        String locked = "locked-" + UUID.randomUUID() + "@example.vn";
        Instant t = Instant.parse("2020-01-03T08:00:00Z");
        fail(quiet, t);
        for (int i = 0; i < 5; i++) {
            fail(locked, t);
        }
        db.sql("update sign_in_attempt set locked_until = :until where subject = :locked")
                .bind("until", t.plus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC)).bind("locked", locked).then().block();

        attempts.purge(t.plus(Duration.ofHours(25))).block();

        assertThat(rows(quiet)).isZero();
        assertThat(rows(locked)).isEqualTo(1);
    }

    @Test
    void theDemoAccountsStillSignInWithTheDemoPassword() {
        assertThat(SignedIn.as(web, "shopper@demo.ocop.vn", "ocop-demo-2026").page("/")).contains("shopper@demo.ocop.vn");
    }

    /** One wrong password for the account, from an address of its own. */
    private void fail(String account, Instant at) {
        String address = newAddress();
        attempts.start(account, address, at).block();
        attempts.failed(account, address, at).block();
    }

    private static Duration refusal(Mono<Void> attempt) {
        try {
            attempt.block();
        } catch (TooManySignInAttempts refused) {
            return refused.retryAfter();
        }
        throw new AssertionError("the attempt was allowed");
    }

    private long rows(String subject) {
        return db.sql("select count(*) as n from sign_in_attempt where subject = :s").bind("s", subject)
                .map((r, m) -> r.get("n", Long.class)).one().block();
    }

    private String newAccount() {
        String email = "lan-" + UUID.randomUUID() + "@example.vn";
        registration.registerShopper(email, "Lan", null, PASSWORD).block();
        return email;
    }

    /** A client address of this test's own (TEST-NET-3, RFC 5737). */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + n / 250) + "." + (1 + n % 250);
    }

    private WebTestClient.ResponseSpec basic(String email, String password, String address) {
        return web.get().uri("/api/v1/orders").header("X-Forwarded-For", address)
                .headers(h -> h.setBasicAuth(email, password)).exchange();
    }

    private record Form(String csrfCookie, String csrf) {
    }

    private Form openForm() {
        var page = web.get().uri("/login").header("X-Forwarded-For", newAddress()).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getResponseBody());
        assertThat(m.find()).isTrue();
        return new Form(page.getResponseCookies().getFirst("XSRF-TOKEN").getValue(), m.group(1));
    }

    private WebTestClient.ResponseSpec signInWithForm(Form form, String email, String password, String address, String query) {
        var data = SignedIn.form("username", email, "password", password, "_csrf", form.csrf());
        return web.post().uri("/login" + query).header("X-Forwarded-For", address).cookie("XSRF-TOKEN", form.csrfCookie())
                .accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(data)).exchange();
    }

    private static long retryAfter(EntityExchangeResult<?> result) {
        return Long.parseLong(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    }

    private static String text(String html) {
        return HtmlUtils.htmlUnescape(html);
    }
}

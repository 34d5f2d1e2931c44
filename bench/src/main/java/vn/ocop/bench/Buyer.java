package vn.ocop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shopper's browser session, as the checkout benchmark needs it: signed in once through the login form
 * (so the run measures checkout, not a bcrypt per request as HTTP Basic would), then sending API calls with
 * its session cookie and the CSRF token the pages carry.
 */
final class Buyer {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("^SESSION=([^;]+)");
    private static final Pattern CSRF_COOKIE = Pattern.compile("^XSRF-TOKEN=([^;]+)");

    final String email;
    private String session;
    private String csrfCookie;
    private String csrf;

    private Buyer(String email) {
        this.email = email;
    }

    static Buyer signIn(HttpClient http, String shop, String email, String password) throws IOException, InterruptedException {
        Buyer buyer = new Buyer(email);
        // an anonymous visitor has no session: the sign-in form's CSRF token is matched against a cookie
        var login = http.send(HttpRequest.newBuilder(URI.create(shop + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        buyer.csrfCookie = cookie(login, CSRF_COOKIE);
        String form = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(token(login.body()));
        var signedIn = http.send(buyer.request(shop + "/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (signedIn.statusCode() != 302 || !"/".equals(signedIn.headers().firstValue("Location").orElse(""))) {
            throw new IllegalStateException("sign-in of " + email + " failed: " + signedIn.statusCode() + " " + signedIn.headers().map());
        }
        buyer.session = cookie(signedIn, SESSION);
        var page = http.send(buyer.request(shop + "/orders").GET().build(), HttpResponse.BodyHandlers.ofString());
        buyer.csrf = token(page.body());
        return buyer;
    }

    /** A request in this session: its cookies and, for writes, its CSRF token. */
    HttpRequest.Builder request(String url) {
        String cookies = "XSRF-TOKEN=" + csrfCookie + (session == null ? "" : "; SESSION=" + session);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Cookie", cookies);
        return csrf == null ? b : b.header("X-CSRF-TOKEN", csrf);
    }

    private static String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1);
    }

    private static String cookie(HttpResponse<?> response, Pattern cookie) {
        return response.headers().allValues("Set-Cookie").stream().map(cookie::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).filter(v -> !v.isEmpty()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no cookie " + cookie.pattern() + " in " + response.headers().map()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

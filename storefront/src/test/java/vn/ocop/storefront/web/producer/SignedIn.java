package vn.ocop.storefront.web.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.HtmlUtils;

/**
 * A browser-like session: signed in through the login form, sending its session cookie, the CSRF cookie and the
 * forms' CSRF token.
 */
public final class SignedIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final WebTestClient web;
    private final String session;
    private final String csrfCookie;

    private SignedIn(WebTestClient web, String session, String csrfCookie) {
        this.web = web;
        this.session = session;
        this.csrfCookie = csrfCookie;
    }

    public static SignedIn as(WebTestClient web, String email, String password) {
        var form = web.get().uri("/login").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().returnResult(String.class);
        String csrfCookie = form.getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        String csrf = token(String.join("", form.getResponseBody().collectList().block()));
        var login = web.post().uri("/login").cookie("XSRF-TOKEN", csrfCookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("username", email, "password", password, "_csrf", csrf)))
                .exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(String.class);
        assertThat(login.getResponseHeaders().getLocation()).as("signed in").hasToString("/");
        ResponseCookie session = login.getResponseCookies().getFirst("SESSION");
        assertThat(session).as("a session made at sign-in").isNotNull();
        return new SignedIn(web, session.getValue(), csrfCookie);
    }

    /** The session cookie's value. */
    public String session() {
        return session;
    }

    /** The page's HTML with character references decoded, so tests can look for the text people read. */
    public String page(String path) {
        return HtmlUtils.htmlUnescape(request(web.get().uri(path).accept(MediaType.TEXT_HTML)).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    /** The CSRF token of the forms on that page. */
    public String csrf(String path) {
        return token(page(path));
    }

    public WebTestClient.ResponseSpec post(String path, LinkedMultiValueMap<String, String> form) {
        return request(web.post().uri(path).accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)));
    }

    public WebTestClient.ResponseSpec request(WebTestClient.RequestHeadersSpec<?> request) {
        return request.cookie("SESSION", session).cookie("XSRF-TOKEN", csrfCookie).exchange();
    }

    public static LinkedMultiValueMap<String, String> form(String... kv) {
        var map = new LinkedMultiValueMap<String, String>();
        for (int i = 0; i < kv.length; i += 2) {
            map.add(kv[i], kv[i + 1]);
        }
        return map;
    }

    private static String token(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }
}

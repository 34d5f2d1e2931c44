package vn.ocop.storefront.web.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.HtmlUtils;

/** A visitor who is not signed in: reads a page, then posts its form with the CSRF cookie and token, as a browser would. */
public final class AnonymousForm {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final WebTestClient web;
    private final String cookie;
    private final String token;

    private AnonymousForm(WebTestClient web, String cookie, String token) {
        this.web = web;
        this.cookie = cookie;
        this.token = token;
    }

    /** Opens the page (which must answer 200) and keeps its form's CSRF token. */
    public static AnonymousForm at(WebTestClient web, String path) {
        var page = web.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().returnResult(String.class);
        String html = String.join("", page.getResponseBody().collectList().block());
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a form with a CSRF token on " + path).isTrue();
        return new AnonymousForm(web, page.getResponseCookies().getFirst("XSRF-TOKEN").getValue(), m.group(1));
    }

    public WebTestClient.ResponseSpec post(String path, String... fields) {
        var form = new LinkedMultiValueMap<String, String>();
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        form.add("_csrf", token);
        return web.post().uri(path).accept(MediaType.TEXT_HTML).cookie("XSRF-TOKEN", cookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form)).exchange();
    }

    /** The page's text with character references decoded. */
    public static String html(WebTestClient.ResponseSpec response) {
        return HtmlUtils.htmlUnescape(response.expectBody(String.class).returnResult().getResponseBody());
    }
}

package vn.ocop.storefront.fuzz;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * One caller of the API: anonymous, an account signed in once through the login form (its cookies and the forms'
 * CSRF token, as a browser has them: HTTP Basic would cost a password hash per request), or a till with its key.
 * Sends raw requests and answers the status and the start of the body.
 */
final class ApiCaller {

    record Answer(int status, String body) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final String role;
    private final WebClient web;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private volatile String csrf;
    private volatile String bearer;

    private final String base;

    private ApiCaller(String role, WebClient web, String base) {
        this.role = role;
        this.web = web;
        this.base = base;
    }

    static ApiCaller anonymous(WebClient web, String base) {
        return new ApiCaller("anonymous", web, base);
    }

    static ApiCaller till(WebClient web, String base, String key) {
        ApiCaller c = new ApiCaller("till", web, base);
        c.bearer = key;
        return c;
    }

    static ApiCaller signedIn(WebClient web, String base, String role, String email, String password) {
        ApiCaller c = new ApiCaller(role, web, base);
        String login = c.page("/login");
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("username", email);
        form.add("password", password);
        form.add("_csrf", token(login));
        int status = c.web.post().uri("/login").headers(c::headers).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchangeToMono(r -> c.keep(r).releaseBody().thenReturn(r.statusCode().value()))
                .block(Duration.ofSeconds(30));
        if (status != 302 && status != 303) {
            throw new IllegalStateException(role + " could not sign in: " + status);
        }
        c.csrf = token(c.page("/"));
        return c;
    }

    Mono<Answer> send(HttpMethod method, String uri, Map<String, String> extraHeaders, String contentType, byte[] body) {
        return send(method, uri, extraHeaders, contentType, body, 400);
    }

    /** The whole answer, for reading ids out of it. */
    Answer whole(HttpMethod method, String uri, String contentType, byte[] body) {
        return send(method, uri, Map.of(), contentType, body, Integer.MAX_VALUE).block(Duration.ofSeconds(60));
    }

    private Mono<Answer> send(HttpMethod method, String uri, Map<String, String> extraHeaders, String contentType, byte[] body, int keep) {
        WebClient.RequestBodySpec request = web.method(method).uri(java.net.URI.create(base + uri)).headers(h -> {
            headers(h);
            extraHeaders.forEach(h::set);
            if (contentType != null) {
                h.set(HttpHeaders.CONTENT_TYPE, contentType);
            }
        });
        // written as raw bytes: the client's own encoders would parse (and refuse) the hostile Content-Types
        var spec = body == null ? request
                : request.body((message, context) -> message.writeWith(Mono.fromSupplier(() -> message.bufferFactory().wrap(body))));
        return spec.exchangeToMono(r -> {
                    int status = r.statusCode().value();
                    if (r.headers().contentType().filter(MediaType.TEXT_EVENT_STREAM::isCompatibleWith).isPresent()) {
                        // an open stream never ends: its first event is the answer, then the connection is cancelled
                        return r.bodyToFlux(String.class).take(1).next().defaultIfEmpty("")
                                .map(first -> new Answer(status, "(event stream) " + first));
                    }
                    return r.bodyToMono(String.class).defaultIfEmpty("")
                            .map(b -> new Answer(status, b.length() > keep ? b.substring(0, keep) : b));
                })
                .timeout(Duration.ofSeconds(30));
    }

    private String page(String path) {
        return web.get().uri(path).accept(MediaType.TEXT_HTML).headers(this::headers)
                .exchangeToMono(r -> keep(r).bodyToMono(String.class))
                .block(Duration.ofSeconds(30));
    }

    private ClientResponse keep(ClientResponse r) {
        for (var e : r.cookies().entrySet()) {
            ResponseCookie last = e.getValue().get(e.getValue().size() - 1);
            if (last.getMaxAge().isZero()) {
                cookies.remove(e.getKey());
            } else {
                cookies.put(e.getKey(), last.getValue());
            }
        }
        return r;
    }

    private void headers(HttpHeaders h) {
        if (!cookies.isEmpty()) {
            h.set(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        if (csrf != null) {
            h.set("X-CSRF-TOKEN", csrf);
            h.set("X-XSRF-TOKEN", csrf);
        }
        if (bearer != null) {
            h.set(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
    }

    private static String token(String html) {
        Matcher m = CSRF.matcher(html == null ? "" : html);
        return m.find() ? m.group(1) : null;
    }
}

package vn.ocop.storefront.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The pages' own static files (classpath:/static) and htmx (its WebJar), read into memory at start-up and
 * served from there: reading them from the jar on each request would block an event-loop thread.
 * WebJar paths are served without their version ({@code /webjars/htmx.org/dist/htmx.min.js}).
 * <p>
 * Each file is also served under a versioned name carrying its content hash ({@code /css/app-1a2b….css}, the
 * scheme of Spring's resource chain, {@code VersionResourceResolver} with a content strategy), cached for a year as
 * immutable: a changed file gets a new name. Pages link the versioned name through Thymeleaf's {@code @{…}}, which
 * asks the exchange's URL transformer registered here. Spring's own resource handler cannot do this here: it reads
 * files from the jar on the request's thread. The plain name stays (an hour, then revalidated by its ETag) for
 * links from outside, {@code /favicon.ico} and the Open Graph image among them.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets {

    static final CacheControl PLAIN = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
    static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    record Asset(byte[] bytes, MediaType type, String etag, CacheControl cache) {
    }

    /** Every file by its plain and its versioned path, and the versioned path of each plain one. */
    record Assets(Map<String, Asset> byPath, Map<String, String> versioned) {

        String link(String url) {
            return versioned.getOrDefault(url, url);
        }
    }

    @Bean
    Assets assetFiles() {
        Map<String, Asset> plain = new HashMap<>();
        load("classpath:/static/", "/", plain);
        load("classpath:/META-INF/resources/webjars/htmx.org/*/", "/webjars/htmx.org/", plain);
        Map<String, Asset> byPath = new HashMap<>(plain);
        Map<String, String> versioned = new HashMap<>();
        plain.forEach((path, asset) -> {
            String name = versionedName(path, asset.etag().replace("\"", ""));
            byPath.put(name, new Asset(asset.bytes(), asset.type(), asset.etag(), VERSIONED));
            versioned.put(path, name);
        });
        return new Assets(Map.copyOf(byPath), Map.copyOf(versioned));
    }

    @Bean
    RouterFunction<ServerResponse> staticAssetRoutes(Assets assets) {
        return RouterFunctions.route(RequestPredicates.method(HttpMethod.GET).or(RequestPredicates.method(HttpMethod.HEAD))
                        .and(request -> assets.byPath().containsKey(request.path())),
                request -> serve(assets.byPath().get(request.path()), request));
    }

    /** Links written as {@code @{/css/app.css}} come out as the file's versioned name. */
    @Bean
    WebFilter versionedAssetLinks(Assets assets) {
        return (exchange, chain) -> {
            exchange.addUrlTransformer(assets::link);
            return chain.filter(exchange);
        };
    }

    /** {@code /css/app.css} with hash {@code 1a2b} is {@code /css/app-1a2b.css}. */
    static String versionedName(String path, String hash) {
        int slash = path.lastIndexOf('/');
        int dot = path.indexOf('.', slash + 1);
        return dot < 0 ? path + "-" + hash : path.substring(0, dot) + "-" + hash + path.substring(dot);
    }

    private static Mono<ServerResponse> serve(Asset asset, ServerRequest request) {
        if (request.headers().header("If-None-Match").contains(asset.etag())) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED).eTag(asset.etag()).cacheControl(asset.cache()).build();
        }
        return ServerResponse.ok()
                .contentType(asset.type())
                .eTag(asset.etag())
                .cacheControl(asset.cache())
                .bodyValue(asset.bytes());
    }

    private static void load(String location, String urlPrefix, Map<String, Asset> into) {
        var resolver = new PathMatchingResourcePatternResolver();
        try {
            for (Resource root : resolver.getResources(location)) {
                String base = root.getURL().toString();
                for (Resource r : resolver.getResources(base + "**/*")) {
                    if (r.isReadable() && !r.getURL().toString().endsWith("/")) {
                        String path = urlPrefix + r.getURL().toString().substring(base.length());
                        byte[] bytes = r.getContentAsByteArray();
                        into.put(path, new Asset(bytes, MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM),
                                "\"" + sha256(bytes).substring(0, 16) + "\"", PLAIN));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read static assets from " + location, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

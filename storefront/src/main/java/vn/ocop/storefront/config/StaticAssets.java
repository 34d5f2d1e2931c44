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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The pages' own static files (classpath:/static) and htmx (its WebJar), read into memory at start-up and
 * served from there: reading them from the jar on each request would block an event-loop thread.
 * WebJar paths are served without their version ({@code /webjars/htmx.org/dist/htmx.min.js}).
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets {

    private record Asset(byte[] bytes, MediaType type, String etag) {
    }

    @Bean
    RouterFunction<ServerResponse> staticAssetRoutes() {
        Map<String, Asset> assets = new HashMap<>();
        load("classpath:/static/", "/", assets);
        load("classpath:/META-INF/resources/webjars/htmx.org/*/", "/webjars/htmx.org/", assets);
        return RouterFunctions.route(RequestPredicates.GET("/**").and(request -> assets.containsKey(request.path())),
                request -> serve(assets.get(request.path()), request));
    }

    private static Mono<ServerResponse> serve(Asset asset, ServerRequest request) {
        if (request.headers().header("If-None-Match").contains(asset.etag())) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED).eTag(asset.etag()).build();
        }
        return ServerResponse.ok()
                .contentType(asset.type())
                .eTag(asset.etag())
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
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
                                "\"" + sha256(bytes).substring(0, 16) + "\""));
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

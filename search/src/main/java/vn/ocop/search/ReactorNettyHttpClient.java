package vn.ocop.search;

import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.util.BinaryData;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringEncoder;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The Elasticsearch client's HTTP over Reactor Netty, on the event loops the web server already runs (Reactor Netty's
 * shared resources): a search's request is written and its answer read and decoded on the loop that took the
 * shopper's request, with no hand-off to another I/O thread and back.
 * <p>
 * Replaces the client's default Apache HttpClient 5 transport, whose own I/O threads and locked connection pool cost
 * the app two thread hand-offs per search (README, "Where a search's time goes"). Answers come uncompressed: on
 * loopback or within one data centre the bytes cost less than the node's deflating and our inflating.
 */
final class ReactorNettyHttpClient implements TransportHttpClient {

    /** Connections kept to the cluster: more than the shop's concurrent searches ever need on one instance. */
    private static final int MAX_CONNECTIONS = 64;
    private static final Duration MAX_IDLE = Duration.ofSeconds(50);

    private final URI base;
    private final ConnectionProvider connections;
    private final HttpClient http;

    ReactorNettyHttpClient(URI base) {
        this.base = base;
        this.connections = ConnectionProvider.builder("elasticsearch")
                .maxConnections(MAX_CONNECTIONS)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(MAX_IDLE)
                .build();
        this.http = HttpClient.create(connections).compress(false).keepAlive(true);
    }

    @Override
    public Response performRequest(String endpointId, Node node, Request request, TransportOptions options) throws IOException {
        try {
            return performRequestAsync(endpointId, node, request, options).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for Elasticsearch", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    @Override
    public CompletableFuture<Response> performRequestAsync(String endpointId, Node node, Request request, TransportOptions options) {
        URI target = node == null ? base : node.uri();
        ByteBuf body = body(request.body());
        return http
                .headers(h -> headers(h, request, options, body))
                .request(HttpMethod.valueOf(request.method()))
                .uri(url(target, request, options))
                .send(body == null ? Mono.empty() : Mono.just(body))
                .responseSingle((response, content) -> content.asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .map(bytes -> (Response) new Answer(target, response.status().code(), response.responseHeaders(), bytes)))
                .toFuture();
    }

    @Override
    public void close() {
        connections.dispose();
    }

    private static ByteBuf body(Iterable<ByteBuffer> parts) {
        if (parts == null) {
            return null;
        }
        List<ByteBuffer> buffers = new ArrayList<>();
        parts.forEach(buffers::add);
        return Unpooled.wrappedBuffer(buffers.toArray(ByteBuffer[]::new));
    }

    private static void headers(HttpHeaders h, Request request, TransportOptions options, ByteBuf body) {
        request.headers().forEach(h::set);
        if (options != null) {
            options.headers().forEach(e -> h.set(e.getKey(), e.getValue()));
        }
        h.set(HttpHeaderNames.CONTENT_LENGTH, body == null ? 0 : body.readableBytes());
    }

    private static String url(URI target, Request request, TransportOptions options) {
        String prefix = target.getPath() == null || target.getPath().equals("/") ? "" : stripSlash(target.getPath());
        QueryStringEncoder url = new QueryStringEncoder(target.getScheme() + "://" + target.getRawAuthority() + prefix + request.path());
        request.queryParams().forEach(url::addParam);
        if (options != null) {
            options.queryParameters().forEach(url::addParam);
        }
        return url.toString();
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** One answer, read whole: the client decodes it once and never streams. */
    private record Answer(URI from, int statusCode, HttpHeaders headerValues, byte[] bytes) implements Response {

        @Override
        public Node node() {
            return new Node(from);
        }

        @Override
        public String header(String name) {
            return headerValues.get(name);
        }

        @Override
        public List<String> headers(String name) {
            return headerValues.getAll(name);
        }

        @Override
        public BinaryData body() {
            return bytes.length == 0 ? null : BinaryData.of(bytes, headerValues.get(HttpHeaderNames.CONTENT_TYPE));
        }

        @Override
        public Object originalResponse() {
            return this;
        }

        @Override
        public void close() {
            // nothing held: the bytes were read whole and the connection went back to the pool
        }

        @Override
        public String toString() {
            return "HTTP " + statusCode + " from " + from;
        }
    }
}

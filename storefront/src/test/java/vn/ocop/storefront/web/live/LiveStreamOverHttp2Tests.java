package vn.ocop.storefront.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.orders.StockedProducts;

/**
 * With OCOP_HTTP2=true the app speaks HTTP/2 in clear text as well (for a proxy that multiplexes its clients): viewers'
 * event streams share one connection, each its own stream with the state first and then every pin; HTTP/1.1 works as before.
 */
@StorefrontTest
@TestPropertySource(properties = "server.http2.enabled=true")
class LiveStreamOverHttp2Tests {

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;
    @LocalServerPort
    int port;

    @Test
    void viewersStreamsShareOneHttp2ConnectionAndEachGetsTheStateThenThePin() {
        WebTestClient producer = web.mutate().defaultHeaders(h -> h.setBasicAuth("producer@demo.ocop.vn", LiveApiControllerTests.PASSWORD))
                .responseTimeout(Duration.ofSeconds(30)).build();
        UUID product = new StockedProducts(db, inventory).productOf("producer@demo.ocop.vn", 5);
        String event = (String) producer.post().uri("/api/v1/live").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Phiên live qua HTTP/2", "videoUrl", "https://www.youtube.com/live/dQw4w9WgXcQ",
                        "plannedStart", OffsetDateTime.now().plusMinutes(1).toString(), "plannedEnd", OffsetDateTime.now().plusHours(2).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        producer.post().uri("/api/v1/live/{id}/start", event).exchange().expectStatus().isOk();

        // prior knowledge h2c, one connection for both streams
        HttpClient h2c = HttpClient.create(reactor.netty.resources.ConnectionProvider.create("h2c-viewers", 1)).protocol(HttpProtocol.H2C)
                .baseUrl("http://127.0.0.1:" + port);
        List<String> versions = new CopyOnWriteArrayList<>();
        List<StringBuilder> streams = List.of(new StringBuilder(), new StringBuilder());
        List<Disposable> open = streams.stream().map(text -> h2c.headers(h -> h.add("Accept", MediaType.TEXT_EVENT_STREAM_VALUE))
                .get().uri("/api/v1/live/" + event + "/events")
                .response((response, body) -> {
                    versions.add(response.version() + " " + response.status().code());
                    return body.asString();
                })
                .subscribe(chunk -> {
                    synchronized (text) {
                        text.append(chunk);
                    }
                })).toList();
        try {
            await(() -> streams.forEach(text -> assertThat(read(text)).contains("event:state\n")));
            producer.post().uri("/api/v1/live/{id}/pin", event).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("productId", product))
                    .exchange().expectStatus().isOk();
            await(() -> streams.forEach(text -> assertThat(read(text)).contains("event:pinned\n")));
            assertThat(versions).containsExactly("HTTP/2.0 200", "HTTP/2.0 200");
            streams.forEach(text -> assertThat(read(text).indexOf("event:state")).isLessThan(read(text).indexOf("event:pinned")));
        } finally {
            open.forEach(Disposable::dispose);
        }
    }

    private static String read(StringBuilder text) {
        synchronized (text) {
            return text.toString();
        }
    }

    private static void await(Runnable assertion) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(assertion::run);
    }
}

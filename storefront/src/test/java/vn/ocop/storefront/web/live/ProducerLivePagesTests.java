package vn.ocop.storefront.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.storefront.web.producer.SignedIn.form;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.producer.SignedIn;

/**
 * The producer's control room: ending a live sale asks for "Tôi xác nhận" (refused unconfirmed, nothing changed), a
 * refused plan is told in the page's language, never in the module's English, and each step redirects (303) to the
 * room, which says what was done.
 */
@StorefrontTest
class ProducerLivePagesTests {

    static final String PRODUCER = "producer@demo.ocop.vn";
    static final String PASSWORD = "ocop-demo-2026";

    @Autowired
    WebTestClient web;

    SignedIn producer;

    @BeforeEach
    void signIn() {
        producer = SignedIn.as(web, PRODUCER, PASSWORD);
    }

    @Test
    void endingALiveSaleNeedsTheConfirmationAndThenRedirectsToTheRoomThatSaysItEnded() {
        String event = liveEvent();
        String room = "/producer/live/" + event;
        assertThat(producer.page(room)).contains("Đang live").contains("Tôi xác nhận kết thúc phiên live.");

        String unconfirmed = html(producer.post(room + "/end", form("_csrf", producer.csrf(room))).expectStatus().isEqualTo(422));
        assertThat(unconfirmed).contains("Hãy đánh dấu ô „Tôi xác nhận“ trước khi thực hiện: chưa có gì thay đổi.");
        api().get().uri("/api/v1/live/{id}", event).exchange().expectBody().jsonPath("$.event.status").isEqualTo("LIVE");

        URI after = producer.post(room + "/end", form("_csrf", producer.csrf(room), "confirmed", "true"))
                .expectStatus().isSeeOther().returnResult(String.class).getResponseHeaders().getLocation();
        assertThat(after.getPath()).isEqualTo(room);
        assertThat(producer.page(after.toString())).contains("Đã cập nhật.").contains("Đã kết thúc").doesNotContain("ENDED<");
        api().get().uri("/api/v1/live/{id}", event).exchange().expectBody().jsonPath("$.event.status").isEqualTo("ENDED");
    }

    @Test
    void aRefusedPlanIsToldInThePageLanguageWithoutTheModulesEnglish() {
        for (var lang : Map.of("vi", "Thông tin chưa hợp lệ.", "en", "The details are not valid.").entrySet()) {
            String page = html(producer.post("/producer/live?lang=" + lang.getKey(), form("_csrf", producer.csrf("/producer/live"), "title", "ab",
                            "videoUrl", "https://www.youtube.com/live/dQw4w9WgXcQ", "plannedStart", "2030-01-01T10:00", "plannedEnd", "2030-01-01T11:00"))
                    .expectStatus().isEqualTo(422));
            assertThat(page).contains(lang.getValue()).doesNotContain("characters").doesNotContain("a title is");
        }
    }

    private String liveEvent() {
        String event = (String) api().post().uri("/api/v1/live").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Phiên thử kết thúc", "videoUrl", "https://www.youtube.com/live/dQw4w9WgXcQ",
                        "plannedStart", OffsetDateTime.now().plusMinutes(1).toString(), "plannedEnd", OffsetDateTime.now().plusHours(1).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        api().post().uri("/api/v1/live/{id}/start", event).exchange().expectStatus().isOk();
        return event;
    }

    private WebTestClient api() {
        return web.mutate().defaultHeaders(h -> h.setBasicAuth(PRODUCER, PASSWORD)).build();
    }

    private static String html(WebTestClient.ResponseSpec response) {
        return HtmlUtils.htmlUnescape(response.expectBody(String.class).returnResult().getResponseBody());
    }
}

package vn.ocop.storefront.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.orders.LiveNews;

/** A push is written once, to the very bytes of its Server-Sent Event, and every viewer is sent those same bytes. */
class NewsJsonTests {

    final NewsJson json = new NewsJson(JsonMapper.builder().build());
    final UUID event = UUID.randomUUID();
    final UUID offer = UUID.randomUUID();

    @Test
    void aPushIsEncodedOnceToItsWholeEventAndSharedByEveryViewer() {
        LiveNews remaining = new LiveNews(7, "remaining", event, null, offer, 5, null);

        byte[] frame = json.frame(remaining);
        String text = new String(frame, StandardCharsets.UTF_8);
        assertThat(text).startsWith("id:7\nevent:remaining\ndata:{").endsWith("}\n\n").contains("\"remaining\":5", offer.toString());
        assertThat(text.substring(0, text.length() - 2).split("\n")).as("one line each: id, event, data").hasSize(3);

        assertThat(json.frame(remaining)).as("the next viewer: the same bytes, not a copy").isSameAs(frame);
        json.frame(new LiveNews(8, "viewers", event, null, null, null, 3));
        assertThat(json.frame(remaining)).as("still kept once another push went out").isSameAs(frame);
    }

    @Test
    void eachViewersFirstStateIsItsOwnAndNotKept() {
        LiveNews first = new LiveNews(9, "state", event, null, null, null, 1);

        assertThat(new String(json.frame(first), StandardCharsets.UTF_8)).startsWith("id:9\nevent:state\ndata:{");
        assertThat(json.frame(first)).isNotSameAs(json.frame(first));
    }
}

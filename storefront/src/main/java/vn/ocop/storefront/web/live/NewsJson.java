package vn.ocop.storefront.web.live;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.orders.LiveNews;

/**
 * A push as its Server-Sent Event, {@code id:}, {@code event:} and {@code data:} (its JSON) lines, encoded to bytes
 * once and sent to every viewer of this instance: the same news object reaches all of them (one shared stream per
 * event), so a pin seen by 20,000 viewers is serialized and encoded once, not 20,000 times, and each viewer's
 * answer only wraps the same bytes. A {@code state} event, first on each connection, is each viewer's own and is
 * not kept.
 */
@Component
class NewsJson {

    private static final int KEPT = 512;

    private final JsonMapper mapper;
    private final Map<Long, byte[]> written = new ConcurrentHashMap<>();
    /** The last push encoded: a fan-out asks for the same one thousands of times in a row. */
    private volatile Frame last = new Frame(Long.MIN_VALUE, new byte[0]);

    private record Frame(long id, byte[] bytes) {
    }

    NewsJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The push's JSON (the {@code data:} of its event). */
    String of(LiveNews news) {
        return mapper.writeValueAsString(LiveJson.NewsView.of(news));
    }

    /** The whole event, ready to write: {@code id:…\nevent:…\ndata:…\n\n} in UTF-8 (JSON holds no raw line break). */
    byte[] frame(LiveNews news) {
        Frame seen = last;
        if (seen.id() == news.id()) {
            return seen.bytes();
        }
        if (news.type().equals("state")) {
            return encode(news);
        }
        byte[] bytes = written.computeIfAbsent(news.id(), id -> encode(news));
        last = new Frame(news.id(), bytes);
        if (written.size() > KEPT) {
            written.keySet().removeIf(id -> id < news.id() - KEPT);
        }
        return bytes;
    }

    private byte[] encode(LiveNews news) {
        return ("id:" + news.id() + "\nevent:" + news.type() + "\ndata:" + of(news) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}

package vn.ocop.storefront.web.live;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.orders.LiveNews;

/**
 * A push's JSON, written once and sent to every viewer of this instance: the same news object reaches all of
 * them (one shared stream per event), so a pin seen by 5,000 viewers is serialized once, not 5,000 times.
 */
@Component
class NewsJson {

    private static final int KEPT = 512;

    private final JsonMapper mapper;
    private final Map<Long, String> written = Collections.synchronizedMap(new LinkedHashMap<>(KEPT, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > KEPT;
        }
    });

    NewsJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String of(LiveNews news) {
        return written.computeIfAbsent(news.id(), id -> mapper.writeValueAsString(LiveJson.NewsView.of(news)));
    }
}

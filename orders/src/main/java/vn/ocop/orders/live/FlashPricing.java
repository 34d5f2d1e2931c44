package vn.ocop.orders.live;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProductId;
import vn.ocop.orders.live.FlashClaims.Held;

/**
 * The flash price a shopper's cart and checkout use: units of a held, unexpired claim whose offer is open and
 * whose event is live. The cart shows and checkout takes the same claims: whole claims, oldest first, as many
 * as fit in the line's quantity; the rest of the line is at list price.
 */
@Component
public class FlashPricing {

    private final FlashClaims claims;
    private final Clock clock;

    FlashPricing(FlashClaims claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    public Mono<Map<ProductId, List<Held>>> held(UUID account, Collection<ProductId> products) {
        if (account == null) {
            return Mono.just(Map.of());
        }
        return claims.held(account, products, OffsetDateTime.now(clock)).collectList()
                .map(all -> all.stream().collect(Collectors.groupingBy(Held::product)));
    }

    /** The claims a line of {@code quantity} takes: whole claims, oldest first, while they fit. */
    public static List<Held> fitting(List<Held> held, int quantity) {
        List<Held> taken = new ArrayList<>();
        int left = quantity;
        for (Held h : held == null ? List.<Held>of() : held) {
            if (h.quantity() <= left) {
                taken.add(h);
                left -= h.quantity();
            }
        }
        return taken;
    }
}

package vn.ocop.storefront.web.live;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.ocop.orders.FlashClaim;
import vn.ocop.orders.FlashOffer;
import vn.ocop.orders.LiveEvent;
import vn.ocop.orders.LiveNews;
import vn.ocop.orders.LiveState;
import vn.ocop.orders.LiveStatus;

/** The JSON shapes of live events, their state and their pushes. Money is whole đồng. */
final class LiveJson {

    private LiveJson() {
    }

    record PlanJson(@NotNull @Size(min = 3, max = 150) String title, @NotNull @Size(max = 500) String videoUrl,
                    @NotNull OffsetDateTime plannedStart, @NotNull OffsetDateTime plannedEnd) {
    }

    record PinJson(@NotNull UUID productId) {
    }

    record OfferJson(@NotNull UUID productId, @NotNull UUID locationId, @NotNull @Min(1) Long flashPriceVnd, @NotNull @Min(1) @Max(10_000) Integer cap,
                     @NotNull @Min(1) @Max(99) Integer perBuyer) {
    }

    record ClaimJson(@NotNull @Min(1) @Max(99) Integer quantity) {
    }

    record EventView(UUID id, UUID producerId, String title, String videoUrl, String embedUrl, OffsetDateTime plannedStart,
                     OffsetDateTime plannedEnd, LiveStatus status, UUID pinnedProductId, OffsetDateTime startedAt, OffsetDateTime endedAt) {
        static EventView of(LiveEvent e) {
            return new EventView(e.id(), e.producer().value(), e.title(), e.videoUrl(), e.embedUrl(), e.plannedStart(), e.plannedEnd(), e.status(),
                    e.pinned() == null ? null : e.pinned().value(), e.startedAt(), e.endedAt());
        }
    }

    record OfferView(UUID id, UUID productId, String productName, UUID locationId, long flashPriceVnd, long listPriceVnd, int cap, int remaining,
                     int perBuyer, boolean open) {
        static OfferView of(FlashOffer o) {
            return new OfferView(o.id(), o.product().value(), o.productName(), o.location().value(), o.flashPrice().dong(), o.listPrice().dong(),
                    o.cap(), o.remaining(), o.perBuyer(), o.open());
        }
    }

    record PinnedView(UUID productId, String name, long listPriceVnd, OfferView offer) {
        static PinnedView of(LiveState.Pinned p) {
            return p == null ? null : new PinnedView(p.product().value(), p.name(), p.listPrice().dong(), p.offer() == null ? null : OfferView.of(p.offer()));
        }
    }

    record StateView(EventView event, PinnedView pinned, List<OfferView> offers, int viewers) {
        static StateView of(LiveState s) {
            return new StateView(EventView.of(s.event()), PinnedView.of(s.pinned()), s.offers().stream().map(OfferView::of).toList(), s.viewers());
        }
    }

    /** The data of one Server-Sent Event: the whole state for state changes, else the count that changed. */
    record NewsView(StateView state, UUID offerId, Integer remaining, Integer viewers) {
        static NewsView of(LiveNews n) {
            return new NewsView(n.state() == null ? null : StateView.of(n.state()), n.offer(), n.remaining(), n.viewers());
        }
    }

    record ClaimView(UUID id, UUID offerId, UUID productId, int quantity, OffsetDateTime expiresAt) {
        static ClaimView of(FlashClaim c) {
            return new ClaimView(c.id(), c.offer(), c.product().value(), c.quantity(), c.expiresAt());
        }
    }
}

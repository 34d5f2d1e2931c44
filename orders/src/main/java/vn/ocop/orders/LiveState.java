package vn.ocop.orders;

import java.util.List;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;

/** What a viewer sees at one moment: the event, the pinned product (or none), the open offers, how many are watching. */
public record LiveState(LiveEvent event, Pinned pinned, List<FlashOffer> offers, int viewers) {

    /** The pinned product as its card shows it, with the flash offer on it when one is open. */
    public record Pinned(ProductId product, String name, Vnd listPrice, FlashOffer offer) {
    }
}

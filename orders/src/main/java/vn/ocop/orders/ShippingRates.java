package vn.ocop.orders;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Where shipping fees come from. Today the marketplace's own rate table ({@link RateTable}, edited by ADMIN); a
 * carrier's API (GHN, GHTK, Viettel Post) can take its place by implementing this one method.
 */
public interface ShippingRates {

    /** A parcel of {@code grams} from a location in one province to an address in another. */
    record Parcel(Province from, Province to, int grams) {
    }

    /** The fee and delivery window of each parcel, in the order given. */
    Mono<List<ShippingQuote>> quote(List<Parcel> parcels);
}

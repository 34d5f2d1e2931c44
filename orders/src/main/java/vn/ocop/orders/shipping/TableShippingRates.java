package vn.ocop.orders.shipping;

import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.orders.RateTable;
import vn.ocop.orders.ShippingQuote;
import vn.ocop.orders.ShippingRates;
import vn.ocop.orders.ShippingZone;

/** Shipping fees from the marketplace's own rate table, read once per quote (every instance sees an edit at once). */
@Component
class TableShippingRates implements ShippingRates {

    private final RateTableRows rows;

    TableShippingRates(RateTableRows rows) {
        this.rows = rows;
    }

    @Override
    public Mono<List<ShippingQuote>> quote(List<Parcel> parcels) {
        if (parcels.isEmpty()) {
            return Mono.just(List.of());
        }
        return rows.read().map(table -> parcels.stream().map(p -> quote(table, p)).toList());
    }

    private static ShippingQuote quote(RateTable table, Parcel p) {
        return table.quote(ShippingZone.between(p.from(), p.to()), p.grams());
    }
}

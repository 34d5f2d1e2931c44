package vn.ocop.catalog.stock;

import java.util.List;

/** A product's offer ({@link ProductOffer}) with its stock row at every location that keeps it: what a checkout allocates from. */
public record StockedOffer(ProductOffer offer, List<StockLevel> levels) {

    public StockedOffer {
        levels = List.copyOf(levels);
    }
}

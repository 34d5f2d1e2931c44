package vn.ocop.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ocop.catalog.stock.ProductStock;
import vn.ocop.catalog.stock.StockState;

/**
 * One page of results, the facet counts of the query, and whether it came from PostgreSQL because
 * Elasticsearch could not be reached ({@code degraded}: plain name and producer matching, no facets).
 * {@code partial}: no product matched every word of the query, so these are the closest (most words matched).
 */
public record SearchResult(List<Hit> hits, long total, Facets facets, boolean degraded, boolean partial) {

    public SearchResult(List<Hit> hits, long total, Facets facets, boolean degraded) {
        this(hits, total, facets, degraded, false);
    }

    /** The same results, marked as the closest rather than matching every word. */
    public SearchResult asPartial() {
        return new SearchResult(hits, total, facets, degraded, true);
    }

    /**
     * @param highlightedName the name with matched words wrapped in {@code <mark>} (HTML-escaped otherwise)
     * @param stock           available now and units sold, read from the catalog for the page's hits (always current)
     * @param rating          the average of its visible reviews to one decimal; null or 0 without any ({@code ratingCount} 0)
     */
    public record Hit(UUID id, String name, String highlightedName, String producer, String province, String formerProvince,
                      String group, int stars, long priceVnd, String salesUnit, ProductStock stock, UUID producerId, Double rating,
                      Integer ratingCount) {

        /** "Hết hàng", "Còn ít" or in stock: the catalog's one definition, for pages and API clients. */
        @JsonProperty("stockState")
        public StockState stockState() {
            return stock.state();
        }

        /** Whether shoppers rated it (a document indexed before ratings were has none). */
        public boolean rated() {
            return ratingCount != null && ratingCount > 0;
        }
    }

    /**
     * Each facet counts what the search would find with that facet's value chosen and every other filter kept
     * (the shopper's own choice in a facet does not shrink that facet's alternatives).
     *
     * @param priceRanges every range of {@link PriceRange}, cheapest first, zero counts included
     * @param availableAt where the products can be picked up now, most products first
     * @param inStock     how many of the products found some location can supply now ("Còn hàng")
     */
    public record Facets(Map<String, Long> groups, Map<String, Long> provinces, Map<Integer, Long> stars, List<PriceFacet> priceRanges,
                         List<PickupFacet> availableAt, long inStock) {
        public static final Facets NONE = new Facets(Map.of(), Map.of(), Map.of(), List.of(), List.of(), 0);
    }

    /** A price range ({@link PriceRange#id()}), the inclusive bounds that search it, and how many products it holds. */
    public record PriceFacet(String range, Long minPrice, Long maxPrice, long count) {
    }

    /** A location and how many of the products found can be picked up there now. */
    public record PickupFacet(UUID locationId, String name, long count) {
    }
}

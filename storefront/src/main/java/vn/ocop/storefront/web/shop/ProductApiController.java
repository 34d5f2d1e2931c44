package vn.ocop.storefront.web.shop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import java.math.BigDecimal;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.stock.PickupPoint;
import vn.ocop.catalog.lots.Lots;
import vn.ocop.catalog.stock.StockReports;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.listings.ProductDetails;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.StockState;
import vn.ocop.catalog.rankings.Ranking;
import vn.ocop.search.ProductSearch;
import vn.ocop.search.Suggestions;
import vn.ocop.search.SearchRequest;
import vn.ocop.search.SearchResult;

/** Products on sale today, as JSON: a product that is not on sale is not found. */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "OCOP products whose star ranking is valid today (Asia/Ho_Chi_Minh)")
class ProductApiController {

    private final Catalog catalog;
    private final ProductSearch search;
    private final StockReports stock;
    private final Lots lots;

    ProductApiController(Catalog catalog, ProductSearch search, StockReports stock, Lots lots) {
        this.lots = lots;
        this.catalog = catalog;
        this.search = search;
        this.stock = stock;
    }

    record PickupPointView(UUID locationId, LocationKind kind, String name, String province, String address, String openingHours,
                           BigDecimal latitude, BigDecimal longitude, int available,
                           @Schema(description = "The use-by date of what you would get here: the earliest among the lots available here; "
                                   + "null when none of them has one") LocalDate useByFrom) {
        static PickupPointView of(PickupPoint p, java.util.Map<vn.ocop.catalog.LocationId, LocalDate> useByAt) {
            Location l = p.location();
            return new PickupPointView(l.id().value(), l.kind(), l.name(), l.province(), l.address(), l.openingHours(),
                    l.latitude(), l.longitude(), p.available(), useByAt.get(l.id()));
        }
    }

    record ProductPage(List<SearchResult.Hit> items, int page, int size, long total, SearchResult.Facets facets,
                       @Schema(description = "true when Elasticsearch could not be reached and PostgreSQL answered (name and producer match only, no facets)")
                       boolean degraded,
                       @Schema(description = "true when no product matches every word of q: these are the closest, most words matched first")
                       boolean partial) {
    }

    record RankingView(int stars, String level, String decisionNo, String issuingBody, String decisionProvince,
                       LocalDate issuedOn, boolean issuedOnDemo, LocalDate validUntil) {
        static RankingView of(Ranking r) {
            return new RankingView(r.stars().value(), r.level().name(), r.decisionNo(), r.issuingBody(), r.decisionProvince(),
                    r.issuedOn(), r.issuedOnDemo(), r.validUntil());
        }
    }

    record ProducerView(UUID id, String name, String province, String formerProvince) {
    }

    /** OUT_OF_STOCK (no location can supply it: no add-to-cart), LOW (under 5 available in all) or IN_STOCK; units sold. */
    record StockView(StockState state, int available, long unitsSold) {
    }

    record ProductView(UUID id, String name, String description, OcopGroup group, long priceVnd, String salesUnit,
                       boolean demoPrice, ProducerView producer, RankingView ranking, String verificationUrl, List<String> images,
                       StockView stock, java.math.BigDecimal averageRating, int reviewCount,
                       @Schema(description = "The use-by date of what you would get now: the earliest among the lots with units available; "
                               + "null when none of them has one (goods that do not spoil)") LocalDate useByFrom) {
        static ProductView of(ProductDetails d, LocalDate useByFrom) {
            return new ProductView(d.id().value(), d.name(), d.description(), d.group(), d.price().dong(), d.salesUnit(),
                    d.demoPrice(),
                    new ProducerView(d.producer().id().value(), d.producer().name(), d.producer().province(), d.producer().formerProvince()),
                    RankingView.of(d.ranking()), "/verify/" + d.verificationCode(),
                    d.imageFiles().stream().map(f -> "/images/products/" + f).toList(),
                    new StockView(d.stock().state(), d.stock().available(), d.stock().unitsSold()), d.rating().average(), d.rating().count(),
                    useByFrom);
        }
    }

    @GetMapping
    @Operation(summary = "Search sellable products",
            description = "Vietnamese with or without diacritics, typos and Telex typing forgiven. Filters: OCOP group, province (current or "
                    + "pre-2025 name), stars valid today, price range, availableAt (a location id: products a shopper can pick up there now). "
                    + "minPrice and maxPrice are inclusive whole đồng (400 when minPrice is above maxPrice). "
                    + "Sort: RELEVANCE, PRICE_ASC, PRICE_DESC, STARS, NEWEST. Facets count groups, provinces, stars, price ranges "
                    + "(priceRanges: range id, minPrice, maxPrice to search it, count) and pickup locations (availableAt: locationId, name, count) and "
                    + "what is in stock (inStock: count); inStock=true keeps what some location can supply now. Each item has stock "
                    + "{available, unitsSold, state: OUT_OF_STOCK, LOW (under 5 available) or IN_STOCK}; "
                    + "each facet counts with every other filter applied but its own. A page past the last answers no items with the total. "
                    + "Only products on sale today (Asia/Ho_Chi_Minh).")
    Mono<ProductPage> search(@RequestParam(defaultValue = "") @Size(max = 200) String q,
                             @RequestParam(required = false) OcopGroup group,
                             @RequestParam(required = false) @Size(max = 100) String province,
                             @RequestParam(required = false) @Min(3) @Max(5) Integer stars,
                             @RequestParam(required = false) @Min(0) Long minPrice,
                             @RequestParam(required = false) @Min(0) Long maxPrice,
                             @RequestParam(required = false) UUID availableAt,
                             @RequestParam(defaultValue = "false") boolean inStock,
                             @RequestParam(defaultValue = "RELEVANCE") SearchRequest.Sort sort,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                             @RequestParam(defaultValue = "24") @Min(1) @Max(SearchRequest.MAX_SIZE) int size,
                             @RequestParam(defaultValue = "elasticsearch") @Pattern(regexp = "elasticsearch|postgres") String engine) {
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "minPrice must not be above maxPrice.");
        }
        var request = new SearchRequest(q, group, province, stars, minPrice, maxPrice,
                availableAt == null ? null : new LocationId(availableAt), inStock, sort, page, size);
        var result = engine.equals("postgres") ? search.searchPostgres(request) : search.search(request);
        return result.map(r -> new ProductPage(r.hits(), page, size, r.total(), r.facets(), r.degraded(), r.partial()));
    }

    @GetMapping("/suggestions")
    @Operation(summary = "Suggestions as you type", description = "Up to 8 names of products on sale whose words start with what was typed, "
            + "diacritics optional: {names, degraded}. degraded: Elasticsearch is away and PostgreSQL answered (names containing every word typed).")
    Mono<Suggestions> suggestions(@RequestParam @Size(min = 1, max = 100) String q) {
        return search.suggest(q);
    }

    @GetMapping("/{id}/availability")
    @Operation(summary = "Where the product can be picked up now",
            description = "Showrooms, sales points and highway stops that allow pickup and have some available (on hand minus reserved), most first. "
                    + "404 when the product is not on sale today.")
    Flux<PickupPointView> availability(@PathVariable UUID id) {
        ProductId product = new ProductId(id);
        return catalog.product(product).zipWith(lots.useByAt(product))
                .flatMapMany(t -> stock.pickupPoints(product, catalog.today()).map(p -> PickupPointView.of(p, t.getT2())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One sellable product", description = "404 problem when the product does not exist or is not on sale today.")
    Mono<ProductView> one(@PathVariable UUID id) {
        ProductId product = new ProductId(id);
        return catalog.product(product).zipWith(lots.useByFrom(product).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .map(t -> ProductView.of(t.getT1(), t.getT2().orElse(null)));
    }
}

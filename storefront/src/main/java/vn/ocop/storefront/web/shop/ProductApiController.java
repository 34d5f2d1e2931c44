package vn.ocop.storefront.web.shop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProductCard;
import vn.ocop.catalog.ProductDetails;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.ProductQuery;
import vn.ocop.catalog.Ranking;

/** Products on sale today, as JSON: a product that is not on sale is not found. */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "OCOP products whose star ranking is valid today (Asia/Ho_Chi_Minh)")
class ProductApiController {

    private final Catalog catalog;

    ProductApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    record ProductSummary(UUID id, String name, String producer, String province, String formerProvince,
                          OcopGroup group, int stars, long priceVnd, String salesUnit, boolean demoPrice,
                          LocalDate rankingValidUntil) {
        static ProductSummary of(ProductCard c) {
            return new ProductSummary(c.id(), c.name(), c.producerName(), c.province(), c.formerProvince(),
                    c.group(), c.stars().value(), c.price().dong(), c.salesUnit(), c.demoPrice(), c.rankingValidUntil());
        }
    }

    record ProductPage(List<ProductSummary> items, int page, int size, long total) {
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

    record ProductView(UUID id, String name, String description, OcopGroup group, long priceVnd, String salesUnit,
                       boolean demoPrice, ProducerView producer, RankingView ranking, String verificationUrl, List<String> images) {
        static ProductView of(ProductDetails d) {
            return new ProductView(d.id().value(), d.name(), d.description(), d.group(), d.price().dong(), d.salesUnit(),
                    d.demoPrice(),
                    new ProducerView(d.producer().id().value(), d.producer().name(), d.producer().province(), d.producer().formerProvince()),
                    RankingView.of(d.ranking()), "/verify/" + d.verificationCode(),
                    d.imageFiles().stream().map(f -> "/images/products/" + f).toList());
        }
    }

    @GetMapping
    @Operation(summary = "List sellable products",
            description = "Five stars first, then by name. Filter by OCOP group and by province, current or pre-2025 name.")
    Mono<ProductPage> list(@RequestParam(required = false) OcopGroup group,
                           @RequestParam(required = false) String province,
                           @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                           @RequestParam(defaultValue = "24") @Min(1) @Max(ProductQuery.MAX_LIMIT) int size) {
        ProductQuery query = new ProductQuery(group, province, page * size, size);
        return catalog.sellableProducts(query).map(ProductSummary::of).collectList()
                .zipWith(catalog.countSellable(query), (items, total) -> new ProductPage(items, page, size, total));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One sellable product", description = "404 problem when the product does not exist or is not on sale today.")
    Mono<ProductView> one(@PathVariable UUID id) {
        return catalog.product(new ProductId(id)).map(ProductView::of);
    }
}

package vn.ocop.storefront.web.shop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.ProductCard;

/** Products on sale today, as JSON. */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "OCOP products whose star ranking is valid today")
class ProductApiController {

    private final Catalog catalog;

    ProductApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    record ProductSummary(UUID id, String name, String producer, String province, String formerProvince,
                          String group, int stars, long priceVnd, String salesUnit, boolean demoPrice,
                          LocalDate rankingValidUntil) {
        static ProductSummary of(ProductCard c) {
            return new ProductSummary(c.id(), c.name(), c.producerName(), c.province(), c.formerProvince(),
                    c.group().name(), c.stars().value(), c.price().dong(), c.salesUnit(), c.demoPrice(), c.rankingValidUntil());
        }
    }

    record ProductPage(List<ProductSummary> items, int page, int size, long total) {
    }

    @GetMapping
    @Operation(summary = "List sellable products", description = "Five stars first, then by name. Only products whose OCOP ranking is valid today (Asia/Ho_Chi_Minh).")
    Mono<ProductPage> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "24") @Min(1) @Max(100) int size) {
        return catalog.sellableProducts(page * size, size).map(ProductSummary::of).collectList()
                .zipWith(catalog.countSellable(), (items, total) -> new ProductPage(items, page, size, total));
    }
}

package vn.ocop.storefront.web.shop;

import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.StockReports;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.ProductQuery;

/** Browsing by OCOP group and province, and a product's page (404 when it is not on sale today). */
@Controller
class ProductPageController {

    private final Catalog catalog;
    private final StockReports stock;
    private final ProductSharing sharing;

    ProductPageController(Catalog catalog, StockReports stock, ProductSharing sharing) {
        this.catalog = catalog;
        this.stock = stock;
        this.sharing = sharing;
    }

    @GetMapping("/products")
    String browse(@RequestParam(required = false) OcopGroup group, @RequestParam(required = false) String province,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, Math.min(page, 10_000));
        ProductQuery query = new ProductQuery(group, province, null, p * HomePageController.PAGE_SIZE, HomePageController.PAGE_SIZE);
        model.addAttribute("products", catalog.sellableProducts(query).collectList());
        model.addAttribute("total", catalog.countSellable(query));
        model.addAttribute("provinces", catalog.provincesOnSale());
        model.addAttribute("groups", OcopGroup.values());
        model.addAttribute("group", group);
        model.addAttribute("province", query.province());
        model.addAttribute("page", p);
        model.addAttribute("pageSize", HomePageController.PAGE_SIZE);
        return "products/browse";
    }

    @GetMapping("/products/{id}")
    Mono<String> product(@PathVariable UUID id, Model model, ServerWebExchange exchange, Locale locale) {
        return catalog.product(new ProductId(id))
                .doOnNext(p -> {
                    model.addAttribute("product", p);
                    model.addAttribute("pickupPoints", stock.pickupPoints(p.id(), catalog.today()).collectList());
                    sharing.describe(p, exchange, locale, model);
                })
                .thenReturn("products/product");
    }
}

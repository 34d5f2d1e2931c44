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
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.lots.Lots;
import vn.ocop.catalog.stock.StockReports;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductQuery;
import vn.ocop.storefront.web.media.Pictures;
import vn.ocop.orders.Reviews;

/** Browsing by OCOP group and province, and a product's page (404 when it is not on sale today). */
@Controller
class ProductPageController {

    private final Catalog catalog;
    private final StockReports stock;
    private final Pictures pictures;
    private final Reviews reviews;
    private final ProductSharing sharing;
    private final Lots lots;

    /** Reviews shown per page on a product's page. */
    static final int REVIEWS_PER_PAGE = 10;

    ProductPageController(Catalog catalog, StockReports stock, Pictures pictures, Reviews reviews, ProductSharing sharing, Lots lots) {
        this.lots = lots;
        this.catalog = catalog;
        this.stock = stock;
        this.pictures = pictures;
        this.reviews = reviews;
        this.sharing = sharing;
    }

    @GetMapping("/products")
    String browse(@RequestParam(required = false) OcopGroup group, @RequestParam(required = false) String province,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, Math.min(page, 10_000));
        ProductQuery query = new ProductQuery(group, province, null, p * HomePageController.PAGE_SIZE, HomePageController.PAGE_SIZE);
        var products = catalog.sellableProducts(query).collectList().cache();
        model.addAttribute("products", products);
        model.addAttribute("pictures", pictures.of(products, vn.ocop.catalog.listings.ProductCard::id));
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
    Mono<String> product(@PathVariable UUID id, @RequestParam(name = "reviews", defaultValue = "0") int reviewPage, Model model,
                         ServerWebExchange exchange, Locale locale) {
        int rp = Math.max(0, Math.min(reviewPage, 10_000));
        return catalog.product(new ProductId(id))
                .doOnNext(p -> {
                    model.addAttribute("product", p);
                    model.addAttribute("reviews", reviews.visible(p.id(), rp * REVIEWS_PER_PAGE, REVIEWS_PER_PAGE).collectList());
                    model.addAttribute("reviewPage", rp);
                    model.addAttribute("reviewPageSize", REVIEWS_PER_PAGE);
                    model.addAttribute("pickupPoints", stock.pickupPoints(p.id(), catalog.today()).collectList());
                    // "HSD từ": the earliest use-by of what one would get, anywhere and at each pickup point
                    var useByAt = lots.useByAt(p.id()).cache();
                    model.addAttribute("useByAt", useByAt);
                    model.addAttribute("useByFrom", useByAt.map(at -> at.values().stream().min(java.time.LocalDate::compareTo)));
                    model.addAttribute("pictured", pictures.of(p.id().value()));
                    sharing.describe(p, exchange, locale, model);
                })
                .thenReturn("products/product");
    }
}

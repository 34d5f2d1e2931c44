package vn.ocop.storefront.web.shop;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.orders.LiveSales;
import vn.ocop.orders.LiveStatus;
import vn.ocop.storefront.web.media.Pictures;

/** The home page: live sale events on air now, then OCOP products on sale today, five stars first. */
@Controller
class HomePageController {

    static final int PAGE_SIZE = 24;

    private final Catalog catalog;
    private final LiveSales live;
    private final Pictures pictures;

    HomePageController(Catalog catalog, LiveSales live, Pictures pictures) {
        this.catalog = catalog;
        this.live = live;
        this.pictures = pictures;
    }

    @GetMapping("/")
    String home(@RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, page);
        var products = catalog.sellableProducts(p * PAGE_SIZE, PAGE_SIZE).collectList().cache();
        model.addAttribute("products", products);
        model.addAttribute("pictures", pictures.of(products, vn.ocop.catalog.listings.ProductCard::id));
        model.addAttribute("total", catalog.countSellable());
        model.addAttribute("liveNow", live.listed(java.util.List.of(LiveStatus.LIVE)).take(3).collectList());
        model.addAttribute("page", p);
        model.addAttribute("pageSize", PAGE_SIZE);
        return "home";
    }
}

package vn.ocop.storefront.web.shop;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ocop.catalog.Catalog;
import vn.ocop.orders.LiveSales;
import vn.ocop.orders.LiveStatus;

/** The home page: live sale events on air now, then OCOP products on sale today, five stars first. */
@Controller
class HomePageController {

    static final int PAGE_SIZE = 24;

    private final Catalog catalog;
    private final LiveSales live;

    HomePageController(Catalog catalog, LiveSales live) {
        this.catalog = catalog;
        this.live = live;
    }

    @GetMapping("/")
    String home(@RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, page);
        model.addAttribute("products", catalog.sellableProducts(p * PAGE_SIZE, PAGE_SIZE).collectList());
        model.addAttribute("total", catalog.countSellable());
        model.addAttribute("liveNow", live.listed(java.util.List.of(LiveStatus.LIVE)).take(3).collectList());
        model.addAttribute("page", p);
        model.addAttribute("pageSize", PAGE_SIZE);
        return "home";
    }
}

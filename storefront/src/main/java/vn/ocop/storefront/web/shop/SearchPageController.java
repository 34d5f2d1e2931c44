package vn.ocop.storefront.web.shop;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.search.ProductSearch;
import vn.ocop.search.SearchRequest;
import vn.ocop.search.SearchResult;
import vn.ocop.storefront.web.media.Pictures;

/**
 * The search page (facets counted under the other filters, the filters in force each removable, highlights, a notice
 * when PostgreSQL answered) and the suggestions under the search box.
 */
@Controller
class SearchPageController {

    private final ProductSearch search;
    private final Pictures pictures;

    SearchPageController(ProductSearch search, Pictures pictures) {
        this.search = search;
        this.pictures = pictures;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) OcopGroup group,
                  @RequestParam(required = false) String province, @RequestParam(required = false) Integer stars,
                  @RequestParam(required = false) String minPrice, @RequestParam(required = false) String maxPrice,
                  @RequestParam(required = false) UUID availableAt, @RequestParam(defaultValue = "false") boolean inStock,
                  @RequestParam(defaultValue = "RELEVANCE") SearchRequest.Sort sort,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        String text = q.length() > 200 ? q.substring(0, 200) : q;
        Integer validStars = stars != null && stars >= 3 && stars <= 5 ? stars : null;
        PriceInput price = PriceInput.of(minPrice, maxPrice);
        int p = Math.max(0, Math.min(page, 10_000));
        var typed = search.typedStars(text);
        if (validStars == null && typed.isPresent()) {
            // "nuoc mam 4 sao": the stars become the filter (shown, and removable, like any other) and leave the text
            return "redirect:" + new SearchLinks(typed.get().words(), group, province, typed.get().stars(), price.min(), price.max(), availableAt,
                    inStock, sort).page(p);
        }
        var request = new SearchRequest(text, group, province, validStars, price.min(), price.max(),
                availableAt == null ? null : new LocationId(availableAt), inStock, sort, p, HomePageController.PAGE_SIZE);
        var links = new SearchLinks(request.q(), group, request.province(), validStars, price.min(), price.max(), availableAt, inStock, sort);
        Mono<SearchResult> result = search.search(request).cache(); // read twice below, searched once
        model.addAttribute("result", result);
        model.addAttribute("pictures", pictures.of(result.map(SearchResult::hits), SearchResult.Hit::id));
        model.addAttribute("activeFilters", result.map(r -> links.active(r.facets().availableAt())));
        model.addAttribute("links", links);
        model.addAttribute("price", price);
        model.addAttribute("q", text);
        model.addAttribute("availableAt", availableAt);
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", SearchRequest.Sort.values());
        model.addAttribute("page", p);
        model.addAttribute("pageSize", HomePageController.PAGE_SIZE);
        return "search/results";
    }

    @GetMapping("/search/suggestions")
    String suggestions(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("suggestions", search.suggest(q.length() > 100 ? q.substring(0, 100) : q));
        model.addAttribute("typed", !q.isBlank());
        return "search/suggestions :: list";
    }
}

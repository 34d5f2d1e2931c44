package vn.ocop.storefront.web.shop;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.search.ProductSearch;
import vn.ocop.search.SearchRequest;

/** The search page (facets, highlights, a notice when PostgreSQL answered) and the suggestions under the search box. */
@Controller
class SearchPageController {

    private final ProductSearch search;

    SearchPageController(ProductSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) OcopGroup group,
                  @RequestParam(required = false) String province, @RequestParam(required = false) Integer stars,
                  @RequestParam(required = false) UUID availableAt, @RequestParam(defaultValue = "RELEVANCE") SearchRequest.Sort sort,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        String text = q.length() > 200 ? q.substring(0, 200) : q;
        Integer validStars = stars != null && stars >= 3 && stars <= 5 ? stars : null;
        int p = Math.max(0, Math.min(page, 10_000));
        var request = new SearchRequest(text, group, province, validStars, null, null,
                availableAt == null ? null : new LocationId(availableAt), sort, p, HomePageController.PAGE_SIZE);
        model.addAttribute("result", search.search(request));
        model.addAttribute("q", text);
        model.addAttribute("group", group);
        model.addAttribute("province", request.province());
        model.addAttribute("stars", validStars);
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
        return "search/suggestions :: list";
    }
}

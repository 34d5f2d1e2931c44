package vn.ocop.storefront.web.admin;

import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;
import vn.ocop.search.ConsistencyReport;
import vn.ocop.search.SearchAdmin;

/**
 * ADMIN's page of the search index: "Reindex now" (asked to confirm, then redirected back with the outcome) and the
 * consistency check's report, each kind of drift with its count and the products concerned.
 */
@Controller
class SearchAdminPageController {

    private static final Logger log = LoggerFactory.getLogger(SearchAdminPageController.class);
    /** An index name as the reindexer makes them; anything else in the address is not shown. */
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9._-]{1,100}");
    static final int LISTED = 50;

    private final SearchAdmin admin;

    SearchAdminPageController(SearchAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/admin/search")
    Mono<String> page(@RequestParam(required = false) String reindexed, Model model) {
        model.addAttribute("reindexed", reindexed != null && INDEX_NAME.matcher(reindexed).matches() ? reindexed : null);
        model.addAttribute("listed", LISTED);
        return admin.checkConsistency()
                .map(Optional::of)
                .onErrorResume(e -> {
                    log.warn("Search consistency check failed: {}", e.toString());
                    return Mono.just(Optional.<ConsistencyReport>empty());
                })
                .doOnNext(report -> model.addAttribute("report", report.orElse(null)))
                .thenReturn("admin/search");
    }

    @PostMapping("/admin/search/reindex")
    Mono<String> reindex() {
        return admin.reindex()
                .map(index -> "redirect:/admin/search?reindexed=" + index)
                .onErrorResume(e -> {
                    log.warn("Reindex asked from the admin page failed: {}", e.toString());
                    return Mono.just("redirect:/admin/search?reindexFailed");
                });
    }
}

package vn.ocop.storefront.web.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.search.ConsistencyReport;
import vn.ocop.search.SearchAdmin;

/** Running the search index: rebuild with no downtime, compare with PostgreSQL. ADMIN only. */
@RestController
@RequestMapping("/api/v1/admin/search")
@Tag(name = "Administration")
class SearchAdminApiController {

    private final SearchAdmin admin;

    SearchAdminApiController(SearchAdmin admin) {
        this.admin = admin;
    }

    record Reindexed(String index) {
    }

    @PostMapping("/reindex")
    @Operation(summary = "Rebuild the search index", description = "Builds a new versioned index from PostgreSQL, then moves the alias in one step; searches keep working meanwhile.")
    Mono<Reindexed> reindex() {
        return admin.reindex().map(Reindexed::new);
    }

    @GetMapping("/consistency")
    @Operation(summary = "Compare the index with PostgreSQL", description = "Products missing from the index, documents older than their product, documents with no product.")
    Mono<ConsistencyReport> consistency() {
        return admin.checkConsistency();
    }
}

package vn.ocop.storefront.web.council;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.councils.Rankings;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.council.CouncilJson.CouncilProductJson;
import vn.ocop.storefront.web.council.CouncilJson.ExpiringJson;
import vn.ocop.storefront.web.council.CouncilJson.RankingJson;

/** Rankings for OCOP councils (role COUNCIL), as JSON. */
@RestController
@RequestMapping("/api/v1/council")
@Tag(name = "Council", description = "OCOP councils record and revoke rankings (role COUNCIL)")
class CouncilApiController {

    private final Rankings rankings;
    private final CurrentAccount current;

    CouncilApiController(Rankings rankings, CurrentAccount current) {
        this.rankings = rankings;
        this.current = current;
    }

    @PostMapping("/certifications")
    @Operation(summary = "Record a ranking decision",
            description = "Adds a certification to the product's history (never overwrites). Give the score, the stars or both: "
                    + "50-69 earns 3, 70-89 4, 90-100 5 stars; 5 stars only at NATIONAL level and NATIONAL only 5 stars. "
                    + "validUntil defaults to issuedOn + 36 months, at most 5 years; DISTRICT only for decisions issued before "
                    + "2025-07-01. A provincial council ranks its province's producers only, PROVINCIAL level (3 or 4 stars); 5 stars "
                    + "(NATIONAL) only the NATIONAL council. 201 with Location; 400 with field errors, or invalid-ranking when the facts "
                    + "do not add up; 403 outside-mandate for a level beyond the council's; 404 for a product unknown or outside its province.")
    Mono<ResponseEntity<RankingJson>> record(@Valid @RequestBody RankingForm form) {
        return Mono.fromCallable(form::decision)
                .flatMap(decision -> current.councilScope().flatMap(scope -> rankings.record(scope, decision)))
                .map(r -> ResponseEntity.created(URI.create("/api/v1/council/certifications/" + r.id().value()))
                        .body(RankingJson.of(r)));
    }

    @GetMapping("/certifications/{id}")
    @Operation(summary = "One certification", description = "404 for an unknown id, or one of a producer outside the council's province.")
    Mono<RankingJson> certification(@PathVariable UUID id) {
        return current.councilScope().flatMap(scope -> rankings.find(scope, new CertificationId(id))).map(RankingJson::of);
    }

    @PostMapping("/certifications/{id}/revoke")
    @Operation(summary = "Revoke a ranking",
            description = "From now on; the product leaves sale unless another ranking keeps it there, and its verification page "
                    + "shows the reason (5-500 characters). 404 for an unknown id (or outside the council's province), 403 outside-mandate "
                    + "for a NATIONAL ranking and a provincial council, 409 when already revoked.")
    Mono<RankingJson> revoke(@PathVariable UUID id, @Valid @RequestBody RevokeForm form) {
        return current.councilScope().flatMap(scope -> rankings.revoke(scope, new CertificationId(id), form.reason())).map(RankingJson::of);
    }

    @GetMapping("/certifications/expiring")
    @Operation(summary = "Rankings that end soon",
            description = "Rankings that keep a product on sale today and end within `days` (1-365) days, soonest first, of the "
                    + "producers in the council's province (all for the NATIONAL council).")
    Mono<List<ExpiringJson>> expiring(@RequestParam(defaultValue = "60") @Min(1) @Max(Rankings.MAX_DAYS_AHEAD) int days) {
        return current.councilScope().flatMapMany(scope -> rankings.expiring(scope, days)).map(ExpiringJson::of).collectList();
    }

    @GetMapping("/products")
    @Operation(summary = "Find a product to rank",
            description = "Products of any status whose name or producer's name contains `q` (ignoring case), with whether "
                    + "they are on sale today and why not; only producers of the council's province (all for the NATIONAL council).")
    Mono<List<CouncilProductJson>> products(@RequestParam @NotBlank String q,
                                            @RequestParam(defaultValue = "20") @Min(1) @Max(Rankings.MAX_PRODUCTS) int limit) {
        return current.councilScope().flatMapMany(scope -> rankings.findProducts(scope, q, limit)).map(CouncilProductJson::of).collectList();
    }
}

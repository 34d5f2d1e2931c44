package vn.ocop.storefront.web.onboarding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.producers.ProducerDirectory;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.producers.ProducerStatus;
import vn.ocop.storefront.web.onboarding.OnboardingJson.ProducerJson;

/** ADMIN's producers: find them, suspend one (its products leave sale at once), reactivate it. */
@RestController
@RequestMapping("/api/v1/admin/producers")
@Tag(name = "Admin: onboarding")
class AdminProducersApiController {

    private final ProducerDirectory producers;

    AdminProducersApiController(ProducerDirectory producers) {
        this.producers = producers;
    }

    @GetMapping
    @Operation(summary = "Producers", description = "By name; `q` a part of the name or the whole tax code, `status` ACTIVE or SUSPENDED.")
    Mono<List<ProducerJson>> list(@RequestParam(required = false) String q, @RequestParam(required = false) ProducerStatus status,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(ProducerDirectory.MAX_LISTED) int size) {
        return producers.list(q, status, page * size, size).map(ProducerJson::of).collectList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One producer", description = "404 for an unknown id.")
    Mono<ProducerJson> one(@PathVariable UUID id) {
        return producers.find(new ProducerId(id)).map(ProducerJson::of);
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Suspend a producer",
            description = "With the reason (5-500 characters), shown on its dashboard. Its products leave sale at once: every answer "
                    + "and checkout at once, search at its next drain of the catalog's change rows (written in the same transaction). "
                    + "Its members still sign in. 409 invalid-state when already suspended.")
    Mono<ProducerJson> suspend(@PathVariable UUID id, @Valid @RequestBody ReasonForm form) {
        return producers.suspend(new ProducerId(id), form.reason()).map(ProducerJson::of);
    }

    @PostMapping("/{id}/reactivate")
    @Operation(summary = "Reactivate a producer",
            description = "Its products return to sale as far as their rankings allow. 409 invalid-state when it is active.")
    Mono<ProducerJson> reactivate(@PathVariable UUID id) {
        return producers.reactivate(new ProducerId(id)).map(ProducerJson::of);
    }
}

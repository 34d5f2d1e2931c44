package vn.ocop.storefront.web.onboarding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.producers.ApplicationId;
import vn.ocop.catalog.producers.ApplicationStatus;
import vn.ocop.catalog.producers.Onboarding;
import vn.ocop.storefront.account.PublicAddress;
import vn.ocop.storefront.web.onboarding.OnboardingJson.ApplicationJson;
import vn.ocop.storefront.web.onboarding.OnboardingJson.ApprovalJson;
import vn.ocop.storefront.web.onboarding.OnboardingJson.RejectionJson;

/** ADMIN's side of onboarding: the applications, and the decision on each. */
@RestController
@RequestMapping("/api/v1/admin/producer-applications")
@Tag(name = "Admin: onboarding", description = "Applications to sell, approved or rejected by ADMIN; producers suspended and reactivated")
class AdminApplicationsApiController {

    private final Onboarding onboarding;
    private final Approvals approvals;
    private final PublicAddress address;

    AdminApplicationsApiController(Onboarding onboarding, Approvals approvals, PublicAddress address) {
        this.onboarding = onboarding;
        this.approvals = approvals;
        this.address = address;
    }

    @GetMapping
    @Operation(summary = "Applications", description = "PENDING ones oldest first; APPROVED and REJECTED ones newest decision first.")
    Mono<List<ApplicationJson>> list(@RequestParam(defaultValue = "PENDING") ApplicationStatus status,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(Onboarding.MAX_LISTED) int limit) {
        return onboarding.applications(status, limit).map(ApplicationJson::of).collectList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One application", description = "404 for an unknown id.")
    Mono<ApplicationJson> one(@PathVariable UUID id) {
        return onboarding.application(new ApplicationId(id)).map(ApplicationJson::of);
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve an application",
            description = "Creates the producer ACTIVE (kind, registration, tax code, place, contact, payout account) and its owner "
                    + "account (role PRODUCER, the application's e-mail, no password), and mails the applicant a one-time link to set "
                    + "the password (72 hours, single use); `mailed` says whether the mail went out. 409 already-decided when the "
                    + "application was approved or rejected already, email-taken when its e-mail got an account meanwhile, "
                    + "already-registered when a producer got its tax code; nothing is written then.")
    Mono<ApprovalJson> approve(@PathVariable UUID id, ServerHttpRequest request) {
        return approvals.approve(new ApplicationId(id), address.of(request)).map(ApprovalJson::of);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject an application",
            description = "With the reason (5-500 characters), which the applicant is mailed. 409 already-decided when decided already.")
    Mono<RejectionJson> reject(@PathVariable UUID id, @Valid @RequestBody ReasonForm form, ServerHttpRequest request) {
        return approvals.reject(new ApplicationId(id), form.reason(), address.of(request)).map(RejectionJson::of);
    }
}

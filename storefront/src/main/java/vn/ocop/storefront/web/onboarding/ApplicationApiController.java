package vn.ocop.storefront.web.onboarding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.producers.Bank;
import vn.ocop.catalog.producers.Banks;
import vn.ocop.orders.Addresses;
import vn.ocop.storefront.web.onboarding.OnboardingJson.ReceiptJson;

/** Applying to sell on the marketplace, for anyone (the page is /producers/apply). */
@RestController
@RequestMapping("/api/v1/producer-applications")
@Tag(name = "Producer applications", description = "Apply to sell on the marketplace; ADMIN decides (see Admin: onboarding)")
class ApplicationApiController {

    private final ApplicationIntake intake;
    private final Addresses addresses;

    ApplicationApiController(ApplicationIntake intake, Addresses addresses) {
        this.intake = intake;
        this.addresses = addresses;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply to sell",
            description = "kind COOPERATIVE (HTX), COOPERATIVE_GROUP (tổ hợp tác), ENTERPRISE or HOUSEHOLD (hộ kinh doanh); "
                    + "registrationNumber: a co-op's or enterprise's 10-digit code (a branch 0123456789-001), a household business's or "
                    + "co-operative group's registration as issued (5-20 letters and digits); taxCode 10 or 13 digits with its check "
                    + "digit; provinceCode and communeCode official (GET /api/v1/addresses/provinces); phone a Vietnamese mobile or "
                    + "landline; bank from GET /api/v1/producer-applications/banks, accountNumber 6-19 digits. 201 PENDING; 400 with "
                    + "field errors (nothing stored); 409 email-taken when the e-mail has an account, already-registered when the tax "
                    + "code has a producer or a waiting application. The e-mail becomes the owner account's: the applicant is mailed "
                    + "ADMIN's decision, with a one-time link to set a password when approved.")
    Mono<ReceiptJson> apply(@Valid @RequestBody ApplicationForm form) {
        return Mono.fromCallable(() -> form.application(addresses)).flatMap(intake::submit).map(ReceiptJson::of);
    }

    @GetMapping("/banks")
    @Operation(summary = "Banks for payouts", description = "The banks an application may name: code (what to send), short name, legal name.")
    List<Bank> banks() {
        return Banks.vietnam().all();
    }
}

package vn.ocop.storefront.web.verify;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.Ranking;
import vn.ocop.catalog.Verification;
import vn.ocop.catalog.VerificationResult;

/** What the QR code on a label proves, as JSON, for anyone. */
@RestController
@RequestMapping("/api/v1/verify")
@Tag(name = "Verification", description = "Check a product's OCOP ranking by the code on its label")
class VerificationApiController {

    private final Verification verification;

    VerificationApiController(Verification verification) {
        this.verification = verification;
    }

    /**
     * @param statusDate valid until (VALID), expired on (EXPIRED), revoked on (REVOKED), valid from (NOT_YET_VALID)
     */
    record Verified(String code, String product, String producer, String province, String formerProvince,
                    VerificationResult.Status status, LocalDate statusDate, String revocationReason, RankingFacts ranking) {

        static Verified of(VerificationResult r) {
            return new Verified(r.code(), r.productName(), r.producerName(), r.province(), r.formerProvince(),
                    r.status(), r.statusDate(), r.revocationReason(), r.ranking() == null ? null : RankingFacts.of(r.ranking()));
        }
    }

    /**
     * @param issuedOnPrecision DAY, or MONTH / YEAR when the published decision gives only that much
     * @param issuedOnDemo      true when no date was published and the demo data chose one
     */
    record RankingFacts(int stars, String level, String decisionNo, String issuingBody, String decisionProvince,
                        LocalDate issuedOn, String issuedOnPrecision, boolean issuedOnDemo, LocalDate validUntil) {

        static RankingFacts of(Ranking r) {
            return new RankingFacts(r.stars().value(), r.level().name(), r.decisionNo(), r.issuingBody(), r.decisionProvince(),
                    r.issuedOn(), r.issuedOnPrecision(), r.issuedOnDemo(), r.validUntil());
        }
    }

    @GetMapping("/{code}")
    @Operation(summary = "Verify a product by its label code",
            description = "The code is matched ignoring case. The status is the ranking's today (Asia/Ho_Chi_Minh), whether or not "
                    + "the product is listed: VALID, EXPIRED, REVOKED (with the reason), NOT_YET_VALID or NONE. 404 for an unknown code.")
    Mono<Verified> verify(@PathVariable String code) {
        return verification.verify(code).map(Verified::of);
    }
}

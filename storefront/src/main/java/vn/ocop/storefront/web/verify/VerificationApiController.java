package vn.ocop.storefront.web.verify;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CatalogTime;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.lots.Lot;
import vn.ocop.catalog.lots.LotTrace;
import vn.ocop.catalog.rankings.Ranking;
import vn.ocop.catalog.lots.TraceStep;
import vn.ocop.catalog.lots.Traceability;
import vn.ocop.catalog.verification.Verification;
import vn.ocop.catalog.verification.VerificationResult;

/** What the QR code on a label proves, as JSON, for anyone. */
@RestController
@RequestMapping("/api/v1/verify")
@Tag(name = "Verification", description = "Check a product's OCOP ranking by the code on its label")
class VerificationApiController {

    private final Verification verification;
    private final Traceability traceability;

    VerificationApiController(Verification verification, Traceability traceability) {
        this.verification = verification;
        this.traceability = traceability;
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

    /**
     * A lot as its label proves it: the product's verification beside the lot's dates, its state today and its public
     * path. Only public fields: no account, till or order.
     *
     * @param status      ON_SALE (within its use-by date), EXPIRED (past it) or RECALLED (whatever the date)
     * @param recalledOn  the day (Asia/Ho_Chi_Minh) of the recall, with its reason; null unless RECALLED
     */
    record VerifiedLot(Verified product, String lot, LocalDate producedOn, LocalDate useBy, Lot.Status status,
                       LocalDate recalledOn, String recallReason, List<Step> path) {

        static VerifiedLot of(Verified product, LotTrace trace) {
            Lot lot = trace.lot();
            return new VerifiedLot(product, lot.code(), lot.producedOn(), lot.useBy(), trace.status(),
                    lot.recalledAt() == null ? null : lot.recalledAt().atZoneSameInstant(CatalogTime.ZONE).toLocalDate(),
                    lot.recallReason(), trace.path().stream().map(Step::of).toList());
        }
    }

    /**
     * One step of the path (TCVN 12850:2019 key data elements).
     *
     * @param event    what: PRODUCED, RECEIVED, SENT, ARRIVED, SOLD (over the counter) or DELIVERED (to an online buyer)
     * @param actor    who: PRODUCER or OUTLET (named in {@code who}), COUNTER or ONLINE_ORDER (no name)
     * @param place    where: the location's name (null for PRODUCED, whose place is the producer's province)
     * @param day      when: the day in Asia/Ho_Chi_Minh
     * @param quantity units of the lot, the day's total at that place (0 for PRODUCED)
     */
    record Step(TraceStep.Event event, TraceStep.Actor actor, String who, String place, LocationKind placeKind, String province,
                LocalDate day, int quantity) {

        static Step of(TraceStep s) {
            return new Step(s.event(), s.actor(), s.actorName(), s.place(), s.placeKind(), s.province(), s.day(), s.quantity());
        }
    }

    @GetMapping("/{code}/lot")
    @Operation(summary = "Verify a lot by its label: the product's code and the lot's",
            description = "The JSON of the page a lot's QR code opens, /verify/{code}?lot={lot}. Both codes are matched ignoring "
                    + "case; a lot code may hold '/', '.' and '-'. The product's verification as GET /api/v1/verify/{code}, with "
                    + "the lot's production and use-by dates, its state today (ON_SALE, EXPIRED, RECALLED with the day and "
                    + "reason) and its path: who, what, where and when for each step, steps of one kind at one place on one day "
                    + "summed. 404 for an unknown product code or lot.")
    Mono<VerifiedLot> lot(@PathVariable String code, @RequestParam String lot) {
        return verification.verify(code).map(Verified::of)
                .flatMap(product -> traceability.lot(code, lot)
                        .switchIfEmpty(Mono.error(() -> CatalogException.notFound("lot " + lot)))
                        .map(trace -> VerifiedLot.of(product, trace)));
    }
}

package vn.ocop.storefront.web.council;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.rankings.RankingDecision;
import vn.ocop.catalog.rankings.RankingLevel;
import vn.ocop.catalog.Stars;

/**
 * A ranking decision as a council types it, on the page or as JSON; the same limits apply to both. Whether the
 * facts add up (score and stars, level, validity) is the catalog's rule, checked by {@link RankingDecision}.
 *
 * @param score      100-point score; give it, the stars, or both
 * @param validUntil empty: 36 months after issuedOn
 */
record RankingForm(
        @NotNull UUID productId,
        @NotBlank @Size(max = 60) String decisionNo,
        @Min(0) @Max(100) Integer score,
        @Min(1) @Max(5) Integer stars,
        @NotNull RankingLevel level,
        @NotBlank @Size(min = 2, max = 200) String issuingBody,
        @Size(max = 100) String decisionProvince,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil) {

    static RankingForm blank(UUID productId, LocalDate issuedOn) {
        return new RankingForm(productId, "", null, null, RankingLevel.PROVINCIAL, "", "", issuedOn, null);
    }

    /** Throws {@link vn.ocop.catalog.rankings.InvalidRanking} when the facts do not add up. */
    RankingDecision decision() {
        return new RankingDecision(new ProductId(productId), decisionNo, score, stars == null ? null : new Stars(stars),
                level, issuingBody, decisionProvince, issuedOn, validUntil);
    }
}

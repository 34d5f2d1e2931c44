package vn.ocop.storefront.web.verify;

import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogTime;
import vn.ocop.catalog.rankings.Ranking;
import vn.ocop.catalog.lots.Traceability;
import vn.ocop.catalog.verification.Verification;

/**
 * The page a shopper sees after scanning the QR code on a label; an unknown code is the 404 page. A lot's label adds
 * {@code ?lot=CODE}: the lot's dates, state and path beside the ranking, or a note that the product has no such lot.
 */
@Controller
class VerificationPageController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy");

    private final Verification verification;
    private final Traceability traceability;
    private final Catalog catalog;

    VerificationPageController(Verification verification, Traceability traceability, Catalog catalog) {
        this.verification = verification;
        this.traceability = traceability;
        this.catalog = catalog;
    }

    @GetMapping("/verify/{code}")
    Mono<String> verify(@PathVariable String code, @RequestParam(name = "lot", required = false) String lot, Model model) {
        Mono<String> page = verification.verify(code).map(result -> {
            model.addAttribute("result", result);
            model.addAttribute("today", catalog.today());
            if (result.ranking() != null) {
                model.addAttribute("issuedOn", issuedOn(result.ranking()));
            }
            return "verify/result";
        });
        if (lot == null || lot.isBlank()) {
            return page;
        }
        model.addAttribute("lotCode", lot.strip());
        return page.flatMap(view -> traceability.lot(code, lot)
                .doOnNext(trace -> {
                    model.addAttribute("trace", trace);
                    if (trace.lot().recalledAt() != null) {
                        model.addAttribute("recalledOn", trace.lot().recalledAt().atZoneSameInstant(CatalogTime.ZONE).toLocalDate());
                    }
                })
                .thenReturn(view));
    }

    /** As precisely as the decision was published: 28/03/2023, 03/2023 or 2023. */
    private static String issuedOn(Ranking ranking) {
        DateTimeFormatter format = switch (ranking.issuedOnPrecision()) {
            case "MONTH" -> MONTH;
            case "YEAR" -> YEAR;
            default -> DAY;
        };
        return format.format(ranking.issuedOn());
    }
}

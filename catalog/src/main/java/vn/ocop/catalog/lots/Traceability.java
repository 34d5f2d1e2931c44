package vn.ocop.catalog.lots;

import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.listings.Catalog;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.verification.Labels;

/**
 * Answers anyone who scans a lot's label: the lot of the product with that verification code, its dates, its state
 * today and its public path ({@link LotTrace}). Both codes are matched ignoring case.
 */
@Service
public class Traceability {

    private final Labels labels;
    private final Lots lots;
    private final Catalog catalog;

    Traceability(Labels labels, Lots lots, Catalog catalog) {
        this.labels = labels;
        this.lots = lots;
        this.catalog = catalog;
    }

    /** The lot and its path; empty when the product has no lot with that code; NOT_FOUND when no product has the code. */
    public Mono<LotTrace> lot(String verificationCode, String lotCode) {
        return Mono.justOrEmpty(verificationCode)
                .filter(c -> !c.isBlank())
                .flatMap(labels::find)
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("verification code " + verificationCode)))
                .flatMap(label -> Mono.justOrEmpty(lotCode).map(String::strip).filter(c -> !c.isEmpty())
                        .flatMap(code -> lots.find(label.id(), code))
                        .flatMap(lot -> lots.path(lot.id()).collectList()
                                .map(steps -> LotTrace.of(lot, label.producerName(), label.province(), steps, catalog.today()))));
    }
}

package vn.ocop.catalog.verification;

import vn.ocop.catalog.rankings.Certifications;
import vn.ocop.catalog.listings.SellablePolicy;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.listings.SaleStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Answers anyone who scans the QR code on a product's label: is its OCOP ranking valid today, and if not,
 * since when and why. The ranking is chosen as the sale rule chooses it ({@link SellablePolicy#rankingStatus}).
 */
@Service
public class Verification {

    private final Labels labels;
    private final Certifications certifications;
    private final Catalog catalog;

    Verification(Labels labels, Certifications certifications, Catalog catalog) {
        this.labels = labels;
        this.certifications = certifications;
        this.catalog = catalog;
    }

    /** The product with that code (ignoring case) and its ranking's state today; NOT_FOUND when no product has it. */
    public Mono<VerificationResult> verify(String code) {
        return Mono.justOrEmpty(code)
                .filter(c -> !c.isBlank())
                .flatMap(labels::find)
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("verification code " + code)))
                .flatMap(label -> certifications.ofProduct(label.id()).collectList()
                        .map(rankings -> result(label, SellablePolicy.rankingStatus(rankings, catalog.today()))));
    }

    private static VerificationResult result(Labels.Labelled label, SaleStatus sale) {
        VerificationResult.Status status = VerificationResult.status(sale);
        return new VerificationResult(label.code(), label.name(), label.producerName(), label.province(),
                label.formerProvince(), status, VerificationResult.statusDate(sale),
                status == VerificationResult.Status.REVOKED ? sale.ranking().revocationReason() : null,
                sale.ranking());
    }
}

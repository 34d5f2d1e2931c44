package vn.ocop.storefront.web.producer;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.listings.Listing;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.listings.ProductStatus;
import vn.ocop.catalog.rankings.Ranking;
import vn.ocop.catalog.listings.SaleStatus;

/**
 * A listing as the producer API shows it: whether it is on sale today and, if not, why ({@code reasonCode},
 * and {@code reason} in words, e.g. "certificate expired on 2026-03-28"); {@code stars} and {@code validUntil}
 * are those of the ranking that puts it on sale or explains why not. {@code demoPrice} and {@code demoWeight} mark
 * demo data's invented price and estimated weight until the listing is saved.
 */
record ListingView(
        UUID id, String name, String description, OcopGroup group, long priceVnd, String salesUnit, boolean demoPrice,
        int shippingWeightGrams, boolean demoWeight, ProductStatus status, long version, boolean onSale, String reasonCode, String reason, Integer stars,
        LocalDate validUntil, String verificationCode, String verificationPage, String qrCode,
        List<String> images, List<RankingView> rankings) {

    record RankingView(UUID id, int stars, String level, String decisionNo, String issuingBody, LocalDate issuedOn,
                       LocalDate validUntil, boolean revoked) {
        static RankingView of(Ranking r) {
            return new RankingView(r.id().value(), r.stars().value(), r.level().name(), r.decisionNo(), r.issuingBody(),
                    r.issuedOn(), r.validUntil(), r.revoked());
        }
    }

    static ListingView of(Listing l) {
        SaleStatus.Reason why = l.sale().reason();
        Ranking shown = l.shownRanking();
        return new ListingView(l.id().value(), l.name(), l.description(), l.group(), l.price().dong(), l.salesUnit(),
                l.demoPrice(), l.shippingWeightGrams(), l.demoWeight(), l.status(), l.version(), l.sale().onSale(),
                why == null ? null : why.kind().name(), why == null ? null : why.describe(),
                shown == null ? null : shown.stars().value(), shown == null ? null : shown.validUntil(),
                l.verificationCode(), Links.verificationPage(l), Links.qrCode(l),
                l.imageFiles().stream().map(Links::image).toList(),
                l.rankings().stream().map(RankingView::of).toList());
    }
}

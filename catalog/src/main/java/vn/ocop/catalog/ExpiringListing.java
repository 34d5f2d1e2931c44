package vn.ocop.catalog;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.ocop.catalog.product.ProductRow;

/** A listing whose ranking allows sale today and ends within the days asked about: time to ask the council for a new one. */
public record ExpiringListing(ProductId product, String productName, Ranking ranking, long daysLeft) {

    /** The producer's rankings valid today that end within {@code days}, soonest first. */
    static List<ExpiringListing> within(List<ProductRow> products, Map<ProductId, List<Ranking>> rankings,
                                        LocalDate today, int days) {
        LocalDate last = today.plusDays(days);
        return products.stream()
                .flatMap(p -> rankings.getOrDefault(p.id(), List.of()).stream()
                        .filter(r -> r.allowsSaleOn(today) && !r.validUntil().isAfter(last))
                        .map(r -> new ExpiringListing(p.id(), p.name(), r, ChronoUnit.DAYS.between(today, r.validUntil()))))
                .sorted(Comparator.comparing((ExpiringListing e) -> e.ranking().validUntil())
                        .thenComparing(ExpiringListing::productName))
                .toList();
    }
}

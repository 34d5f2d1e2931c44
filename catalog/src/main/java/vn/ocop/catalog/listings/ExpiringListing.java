package vn.ocop.catalog.listings;

import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.rankings.Ranking;

/** A listing whose ranking allows sale today and ends within the days asked about: time to ask the council for a new one. */
public record ExpiringListing(ProductId product, String productName, Ranking ranking, long daysLeft) {
}

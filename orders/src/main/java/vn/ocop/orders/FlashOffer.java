package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.UUID;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;

/** An offer opened during a live event: its price against the list price, and how many units can still be claimed. */
public record FlashOffer(UUID id, UUID event, ProductId product, String productName, LocationId location, Vnd flashPrice, Vnd listPrice,
                         int cap, int remaining, int perBuyer, boolean open, OffsetDateTime openedAt) {
}

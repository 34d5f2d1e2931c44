package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.UUID;
import vn.ocop.catalog.ProductId;

/** Units a shopper claimed from a flash offer: held at the flash price until {@code expiresAt}, then returned to the cap. */
public record FlashClaim(UUID id, UUID offer, UUID account, ProductId product, int quantity, String status, OffsetDateTime expiresAt) {
}

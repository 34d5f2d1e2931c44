package vn.ocop.orders;

import java.time.OffsetDateTime;
import vn.ocop.catalog.LotId;
import vn.ocop.catalog.ProductId;

/**
 * What a lot's recall means for one order, as the shopper sees it on the order and reads it in the e-mail: the order
 * received units of the lot ({@code received}: stop using them), its reservation moved to another lot ({@code swapped}),
 * or its part holding the lot was cancelled ({@code cancelled}, reason RECALLED).
 */
public record RecallNotice(OrderId order, LotId lot, ProductId product, String productName, String lotCode, String reason,
                           OffsetDateTime recalledAt, boolean received, boolean swapped, boolean cancelled) {
}

package vn.ocop.catalog.lots;

import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.stock.MovementType;
import java.time.OffsetDateTime;

/**
 * One step of a lot's path through the ledger (TCVN 12850:2019, the GS1 Global Traceability Standard's key data
 * elements): what happened ({@code type}), how many units, where (the location and its kind), when, and who (the
 * producer that made it, the account or till that recorded it). {@code reference} ties it to an order ("order:…") or a
 * transfer; it is for the lot's owner, never for a public page.
 */
public record LotStep(MovementType type, int quantity, LocationId location, String locationName, LocationKind locationKind,
                      String province, OffsetDateTime occurredAt, String recordedBy, String reference) {
}

package vn.ocop.storefront.web.stock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import vn.ocop.catalog.stock.Discrepancy;
import vn.ocop.catalog.stock.LedgerEntry;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.lots.Lot;
import vn.ocop.catalog.lots.LotStock;
import vn.ocop.catalog.stock.MovementResult;
import vn.ocop.catalog.stock.Pickup;
import vn.ocop.catalog.stock.PickupPoint;
import vn.ocop.catalog.stock.StockLevel;
import vn.ocop.catalog.stock.RecalledLot;
import vn.ocop.catalog.stock.SyncAnswer;
import vn.ocop.catalog.stock.TillKey;

/** The JSON shapes of the stock APIs. */
final class StockJson {

    private StockJson() {
    }

    record LocationView(UUID id, LocationKind kind, String name, String province, String address, BigDecimal latitude,
                        BigDecimal longitude, String openingHours, boolean pickupAllowed, UUID producerId) {
        static LocationView of(Location l) {
            return new LocationView(l.id().value(), l.kind(), l.name(), l.province(), l.address(), l.latitude(), l.longitude(),
                    l.openingHours(), l.pickupAllowed(), l.producer() == null ? null : l.producer().value());
        }
    }

    record StockView(UUID locationId, UUID productId, String name, UUID producerId, long priceVnd, boolean sellable,
                     int onHand, int reserved, int available) {
        static StockView of(StockLevel s) {
            return new StockView(s.location().value(), s.product().value(), s.productName(), s.producer().value(),
                    s.price().dong(), s.sellable(), s.onHand(), s.reserved(), s.available());
        }
    }

    record ResultView(UUID id, String status, MovementResult.Rejection reason, List<Discrepancy.Reason> discrepancies) {
        static ResultView of(MovementResult r) {
            return new ResultView(r.id(), r.status().name().toLowerCase(Locale.ROOT), r.reason(), r.discrepancies());
        }
    }

    record PickupView(String reference, UUID productId, String name, int quantity) {
        static PickupView of(Pickup p) {
            return new PickupView(p.reference(), p.product().value(), p.productName(), p.quantity());
        }
    }

    record SyncView(UUID locationId, String version, List<ResultView> results, List<StockView> stock,
                    List<PickupView> pickups, List<StockView> changes, List<RecalledLotView> recalledLots) {
        static SyncView of(SyncAnswer a) {
            return new SyncView(a.location().value(), a.version(), a.results().stream().map(ResultView::of).toList(),
                    a.stock().stream().map(StockView::of).toList(), a.pickups().stream().map(PickupView::of).toList(),
                    a.changes().stream().map(StockView::of).toList(), a.recalledLots().stream().map(RecalledLotView::of).toList());
        }
    }

    /** A lot the till must stop selling: recalled, with the date and the reason. */
    record RecalledLotView(UUID productId, String lotCode, OffsetDateTime recalledAt, String reason) {
        static RecalledLotView of(RecalledLot r) {
            return new RecalledLotView(r.productId().value(), r.lotCode(), r.recalledAt(), r.reason());
        }
    }

    record TillKeyView(UUID id, UUID locationId, String label, OffsetDateTime createdAt, OffsetDateTime revokedAt, boolean active) {
        static TillKeyView of(TillKey k) {
            return new TillKeyView(k.id(), k.location().value(), k.label(), k.createdAt(), k.revokedAt(), k.active());
        }
    }

    record IssuedKeyView(TillKeyView key, String secret) {
    }

    record EntryView(UUID id, String type, UUID locationId, UUID productId, String productName, int quantity, int onHandDelta,
                     int reservedDelta, Integer expected, Integer counted, String reference, String recordedBy, String deviceId,
                     OffsetDateTime occurredAt, OffsetDateTime appliedAt) {
        static EntryView of(LedgerEntry e) {
            return new EntryView(e.id(), e.type().name(), e.location().value(), e.product().value(), e.productName(), e.quantity(),
                    e.onHandDelta(), e.reservedDelta(), e.expected(), e.counted(), e.reference(), e.recordedBy(), e.deviceId(),
                    e.occurredAt(), e.appliedAt());
        }
    }

    record DiscrepancyView(UUID id, UUID movementId, UUID productId, String productName, Discrepancy.Reason reason, int quantity,
                           int onHandAfter, String deviceId, OffsetDateTime occurredAt, OffsetDateTime createdAt,
                           OffsetDateTime resolvedAt, String resolvedBy, String resolution) {
        static DiscrepancyView of(Discrepancy d) {
            return new DiscrepancyView(d.id(), d.movementId(), d.product().value(), d.productName(), d.reason(), d.quantity(),
                    d.onHandAfter(), d.deviceId(), d.occurredAt(), d.createdAt(), d.resolvedAt(), d.resolvedBy(), d.resolution());
        }
    }

    /** A producer's lot near or past its use-by date at one location: to sell first, or to take back. */
    record ProducerExpiringLotView(UUID lotId, UUID productId, String productName, String lotCode, LocalDate producedOn, LocalDate useBy,
                                   UUID locationId, String locationName, int onHand, int reserved, boolean expired) {
        static ProducerExpiringLotView of(LotStock s) {
            Lot l = s.lot();
            return new ProducerExpiringLotView(l.id().value(), l.product().value(), l.productName(), l.code(), l.producedOn(), l.useBy(),
                    s.location().value(), s.locationName(), s.onHand(), s.reserved(), s.status() == Lot.Status.EXPIRED);
        }
    }

    /** A lot near or past its use-by date on the staff's shelves, with whose goods they are. */
    record StaffExpiringLotView(UUID lotId, UUID productId, String productName, UUID producerId, String lotCode, LocalDate producedOn,
                                LocalDate useBy, int onHand, int reserved, boolean expired) {
        static StaffExpiringLotView of(LotStock s) {
            Lot l = s.lot();
            return new StaffExpiringLotView(l.id().value(), l.product().value(), l.productName(), l.producer().value(), l.code(),
                    l.producedOn(), l.useBy(), s.onHand(), s.reserved(), s.status() == Lot.Status.EXPIRED);
        }
    }

    record PickupPointView(LocationView location, int available) {
        static PickupPointView of(PickupPoint p) {
            return new PickupPointView(LocationView.of(p.location()), p.available());
        }
    }
}

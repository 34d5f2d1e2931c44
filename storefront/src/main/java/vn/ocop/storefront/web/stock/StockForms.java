package vn.ocop.storefront.web.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.locations.LocationDetails;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.stock.LotRef;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;

/** The forms of the stock pages. Each movement form carries an id made when the page was drawn: a double submit records once. */
final class StockForms {

    private StockForms() {
    }

    /** A receipt or a count, chosen from a list or by product id. */
    record MovementPageForm(@NotNull UUID id, UUID locationId, @NotNull MovementType type, UUID productId,
                            @Size(max = 36) String productCode, @Min(1) @Max(Movement.MAX_QUANTITY) Integer quantity,
                            @Min(-Movement.MAX_QUANTITY) @Max(Movement.MAX_QUANTITY) Integer expected, @Min(0) @Max(Movement.MAX_QUANTITY) Integer counted,
                            String lotCode, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate producedOn,
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate useBy) {

        static MovementPageForm blank(UUID location) {
            return new MovementPageForm(UUID.randomUUID(), location, MovementType.RECEIPT, null, null, null, null, null, null, null, null);
        }

        /** The lot code as typed, or null when none was. */
        String lot() {
            return lotCode == null || lotCode.isBlank() ? null : lotCode.strip();
        }

        /** The field whose lot entry is wrong and the message code saying why; null when the lot entry is right. */
        String[] lotProblem() {
            if (lot() != null && !LotRef.CODE.matcher(lot()).matches()) {
                return new String[] {"lotCode", "stock.error.lot-code"};
            }
            if ((producedOn != null || useBy != null) && type != MovementType.RECEIPT) {
                return new String[] {"useBy", "stock.error.lot-dates-receipt"};
            }
            if (producedOn != null && useBy != null && useBy.isBefore(producedOn)) {
                return new String[] {"useBy", "stock.error.lot-dates"};
            }
            return null;
        }

        /** The product picked from the list, else the id typed in; null when neither is a product id. */
        UUID product() {
            if (productId != null) {
                return productId;
            }
            try {
                return productCode == null || productCode.isBlank() ? null : UUID.fromString(productCode.strip());
            } catch (IllegalArgumentException notAnId) {
                return null;
            }
        }

        boolean quantitiesFit() {
            return type == MovementType.COUNT ? expected != null && counted != null : quantity != null;
        }

        List<Movement> movements(OffsetDateTime at) {
            ProductId product = new ProductId(product());
            Movement movement = type == MovementType.COUNT
                    ? Movement.count(id, product, expected, counted, at)
                    : Movement.of(id, MovementType.RECEIPT, product, quantity, at, null);
            if (lot() != null) {
                movement = movement.ofLot(type == MovementType.RECEIPT ? new LotRef(lot(), producedOn, useBy) : LotRef.named(lot()));
            }
            return List.of(movement);
        }
    }

    /** Goods from a warehouse to an outlet; of one lot when a code is given, else the earliest use-by first. */
    record TransferPageForm(@NotNull UUID id, @NotNull UUID fromLocationId, @NotNull UUID toLocationId, @NotNull UUID productId,
                            @NotNull @Min(1) @Max(Movement.MAX_QUANTITY) Integer quantity, @Pattern(regexp = "|[A-Za-z0-9][A-Za-z0-9./-]{0,39}") String lotCode) {
        static TransferPageForm blank(UUID from) {
            return new TransferPageForm(UUID.randomUUID(), from, null, null, null, null);
        }

        LotRef lot() {
            return lotCode == null || lotCode.isBlank() ? null : LotRef.named(lotCode);
        }
    }

    record ResolveForm(@NotBlank @Size(max = 500) String resolution) {
    }

    record KeyForm(@NotBlank @Size(max = 100) String label) {
    }

    /** Revoking a till key: the "Tôi xác nhận" box. */
    record RevokeKeyForm(Boolean confirmed) {
    }

    record LocationForm(@NotNull LocationKind kind, @NotBlank @Size(min = 2, max = 200) String name,
                        @NotBlank @Size(max = 100) String province, @NotBlank @Size(min = 2, max = 300) String address,
                        BigDecimal latitude, BigDecimal longitude, @Size(max = 100) String openingHours, Boolean pickupAllowed,
                        UUID producerId) {

        static LocationForm blank() {
            return new LocationForm(LocationKind.SHOWROOM, "", "", "", null, null, "08:00–21:00", true, null);
        }

        static LocationForm of(Location l) {
            return new LocationForm(l.kind(), l.name(), l.province(), l.address(), l.latitude(), l.longitude(), l.openingHours(),
                    l.pickupAllowed(), l.producer() == null ? null : l.producer().value());
        }

        LocationDetails details() {
            return new LocationDetails(kind, name, province, address, latitude, longitude, openingHours, Boolean.TRUE.equals(pickupAllowed),
                    producerId == null ? null : new ProducerId(producerId));
        }
    }
}

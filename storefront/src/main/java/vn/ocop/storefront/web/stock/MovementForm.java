package vn.ocop.storefront.web.stock;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.ocop.catalog.stock.LotRef;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProductId;

/**
 * A receipt or a count recorded by a person. The client makes the id (a page puts a fresh one in the form),
 * so sending it twice records it once.
 */
record MovementForm(@NotNull UUID id, @NotNull MovementType type, @NotNull UUID productId, Integer quantity, Integer expected,
                    Integer counted, @Size(max = 500) String note,
                    @Schema(description = "The lot, as printed on its label (1 to 40 letters, digits, - . /): a RECEIPT brings it (a new code "
                            + "makes a new lot), a COUNT counts it; without it a receipt goes to the lot with unknown dates") @Size(max = 40) String lotCode,
                    @Schema(description = "RECEIPT of a new lot: its production date") LocalDate producedOn,
                    @Schema(description = "RECEIPT of a new lot: its use-by date, none for goods that do not spoil") LocalDate useBy) {

    /** A receipt or count of no named lot. */
    MovementForm(UUID id, MovementType type, UUID productId, Integer quantity, Integer expected, Integer counted, String note) {
        this(id, type, productId, quantity, expected, counted, note, null, null, null);
    }

    Movement movement(OffsetDateTime at) {
        ProductId product = new ProductId(productId);
        Movement movement = type == MovementType.COUNT
                ? new Movement(id, type, product, counted == null || expected == null ? 0 : counted - expected, expected, counted, at, null, note)
                : new Movement(id, type, product, quantity == null ? 0 : quantity, expected, counted, at, null, note);
        return lotCode == null || lotCode.isBlank() ? movement : movement.ofLot(new LotRef(lotCode, producedOn, useBy));
    }
}

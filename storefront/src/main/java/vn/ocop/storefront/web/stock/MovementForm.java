package vn.ocop.storefront.web.stock;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.ocop.catalog.Movement;
import vn.ocop.catalog.MovementType;
import vn.ocop.catalog.ProductId;

/**
 * A receipt or a count recorded by a person. The client makes the id (a page puts a fresh one in the form),
 * so sending it twice records it once.
 */
record MovementForm(@NotNull UUID id, @NotNull MovementType type, @NotNull UUID productId, Integer quantity, Integer expected,
                    Integer counted, @Size(max = 500) String note) {

    Movement movement(OffsetDateTime at) {
        ProductId product = new ProductId(productId);
        return type == MovementType.COUNT
                ? new Movement(id, type, product, counted == null || expected == null ? 0 : counted - expected, expected, counted, at, null, note)
                : new Movement(id, type, product, quantity == null ? 0 : quantity, expected, counted, at, null, note);
    }
}

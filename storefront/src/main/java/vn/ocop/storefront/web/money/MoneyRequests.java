package vn.ocop.storefront.web.money;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.orders.CommissionChange;
import vn.ocop.orders.CommissionRate;
import vn.ocop.orders.Percent;
import vn.ocop.orders.PayoutOrder;

/** What ADMIN sends to set a commission rate or record a payout; checked here field by field, then by the module. */
final class MoneyRequests {

    private MoneyRequests() {
    }

    @Schema(description = "ONLINE with an OCOP group, or CONSIGNMENT with an outlet's locationId; percent 0 to 50 with at most two decimals; "
            + "effectiveFrom today (default) or a later day")
    record CommissionRequest(@NotNull CommissionRate.Scope scope, OcopGroup group, UUID locationId,
                             @NotNull @DecimalMin("0") @DecimalMax("50") @Digits(integer = 2, fraction = 2) BigDecimal percent,
                             LocalDate effectiveFrom) {
        CommissionChange change() {
            return new CommissionChange(scope, group, locationId == null ? null : new LocationId(locationId), Percent.of(percent), effectiveFrom);
        }
    }

    @Schema(description = "A payout to the producer by the marketplace (or by the outlet fromLocationId, settling what it holds). "
            + "Send the same id again and nothing more is recorded. More than the payer owes is 409 more-than-owed unless payMoreThanOwed is true.")
    record PayoutRequest(UUID id, @NotNull @Min(1) @Max(PayoutOrder.MAX_AMOUNT) Long amountVnd, @NotNull LocalDate paidOn,
                         @NotBlank @Size(max = 100) String bankReference, UUID fromLocationId, Boolean payMoreThanOwed) {
        PayoutOrder order() {
            return new PayoutOrder(id == null ? UUID.randomUUID() : id, amountVnd, paidOn, bankReference,
                    fromLocationId == null ? null : new LocationId(fromLocationId), Boolean.TRUE.equals(payMoreThanOwed));
        }
    }
}

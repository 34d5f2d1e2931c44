package vn.ocop.orders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.LocationId;

/**
 * A payout ADMIN records: money handed to the producer by the marketplace (or, when {@code fromOutlet} is set, by
 * an outlet settling what it holds), on a day, with the bank transfer's reference. The id makes recording it again
 * harmless. Paying more than the payer owes is refused unless {@code beyondOwed} says it is meant.
 */
public record PayoutOrder(UUID id, long amount, LocalDate paidOn, String bankReference, LocationId fromOutlet, boolean beyondOwed) {

    public static final long MAX_AMOUNT = 100_000_000_000L;

    public PayoutOrder {
        List<InvalidMoneyRequest.FieldError> errors = new ArrayList<>();
        if (id == null) {
            errors.add(new InvalidMoneyRequest.FieldError("id", "a payout needs an id"));
        }
        if (amount < 1 || amount > MAX_AMOUNT) {
            errors.add(new InvalidMoneyRequest.FieldError("amountVnd", "a payout is 1 to 100,000,000,000 đồng"));
        }
        if (paidOn == null) {
            errors.add(new InvalidMoneyRequest.FieldError("paidOn", "say on which day it was paid"));
        }
        bankReference = bankReference == null ? null : bankReference.strip();
        if (bankReference == null || bankReference.isEmpty() || bankReference.length() > 100) {
            errors.add(new InvalidMoneyRequest.FieldError("bankReference", "the bank transfer's reference, 1 to 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidMoneyRequest(errors);
        }
    }

    public Holder payer() {
        return fromOutlet == null ? Holder.MARKETPLACE : Holder.showroom(fromOutlet);
    }
}

package vn.ocop.storefront.web.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.orders.CommissionChange;
import vn.ocop.orders.CommissionRate;
import vn.ocop.orders.InvalidMoneyRequest;
import vn.ocop.orders.Percent;
import vn.ocop.orders.PayoutOrder;

/**
 * The money pages' forms, kept as typed so a refused form comes back as it was, with each wrong field named: the page
 * words it in the reader's language ({@code money.error.<field>}). Amounts may be typed with thousands separators.
 */
final class MoneyForms {

    private MoneyForms() {
    }

    /** The fields a form got wrong, in the order found. */
    static final class Problems {
        private final Set<String> fields = new LinkedHashSet<>();
        private String conflict;

        Problems add(String field) {
            fields.add(field);
            return this;
        }

        Problems addAll(InvalidMoneyRequest e) {
            e.errors().forEach(f -> fields.add(f.field()));
            return this;
        }

        Problems conflict(String key) {
            conflict = key;
            return this;
        }

        public boolean has(String field) {
            return fields.contains(field);
        }

        public boolean any() {
            return !fields.isEmpty() || conflict != null;
        }

        public List<String> fields() {
            return List.copyOf(fields);
        }

        public String conflict() {
            return conflict;
        }
    }

    record CommissionForm(String scope, String group, String locationId, String percent, String effectiveFrom) {

        static CommissionForm online() {
            return new CommissionForm("ONLINE", "FOOD", null, null, null);
        }

        /** The change asked for; InvalidMoneyRequest naming every field that does not read. */
        CommissionChange change() {
            List<InvalidMoneyRequest.FieldError> errors = new ArrayList<>();
            CommissionRate.Scope s = parse(() -> CommissionRate.Scope.valueOf(scope), "scope", errors);
            OcopGroup g = blank(group) ? null : parse(() -> OcopGroup.valueOf(group), "group", errors);
            LocationId l = blank(locationId) ? null : parse(() -> new LocationId(UUID.fromString(locationId.strip())), "locationId", errors);
            Percent p = parse(() -> Percent.of(new BigDecimal(percent.strip().replace(',', '.'))), "percent", errors);
            LocalDate from = blank(effectiveFrom) ? null : parse(() -> LocalDate.parse(effectiveFrom.strip()), "effectiveFrom", errors);
            if (!errors.isEmpty()) {
                throw new InvalidMoneyRequest(errors);
            }
            return new CommissionChange(s, s == CommissionRate.Scope.ONLINE ? g : null, s == CommissionRate.Scope.CONSIGNMENT ? l : null, p, from);
        }
    }

    record PayoutForm(String id, String amountVnd, String paidOn, String bankReference, String fromLocationId, String payMoreThanOwed) {

        static PayoutForm fresh(LocalDate today) {
            return new PayoutForm(UUID.randomUUID().toString(), null, today.toString(), null, null, null);
        }

        PayoutOrder order() {
            List<InvalidMoneyRequest.FieldError> errors = new ArrayList<>();
            UUID i = parse(() -> UUID.fromString(id.strip()), "id", errors);
            Long amount = parse(() -> Long.parseLong(amountVnd.strip().replace(".", "").replace(",", "").replace(" ", "")), "amountVnd", errors);
            LocalDate day = parse(() -> LocalDate.parse(paidOn.strip()), "paidOn", errors);
            LocationId from = blank(fromLocationId) ? null : parse(() -> new LocationId(UUID.fromString(fromLocationId.strip())), "fromLocationId", errors);
            if (!errors.isEmpty()) {
                throw new InvalidMoneyRequest(errors);
            }
            return new PayoutOrder(i, amount, day, bankReference, from, "true".equals(payMoreThanOwed) || "on".equals(payMoreThanOwed));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> T parse(java.util.function.Supplier<T> read, String field, List<InvalidMoneyRequest.FieldError> errors) {
        try {
            return read.get();
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException | ArithmeticException unreadable) {
            errors.add(new InvalidMoneyRequest.FieldError(field, "cannot be read"));
            return null;
        }
    }
}

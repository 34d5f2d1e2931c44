package vn.ocop.orders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;

/**
 * What ADMIN asks to set: an online rate for an OCOP group, or a consignment rate for an outlet, from a day
 * ({@code effectiveFrom}; null: today). Checked in the constructor, every wrong field named ({@link InvalidMoneyRequest}).
 */
public record CommissionChange(CommissionRate.Scope scope, OcopGroup group, LocationId location, Percent percent, LocalDate effectiveFrom) {

    public CommissionChange {
        List<InvalidMoneyRequest.FieldError> errors = new ArrayList<>();
        if (scope == null) {
            errors.add(new InvalidMoneyRequest.FieldError("scope", "say whether this is the ONLINE commission or an outlet's CONSIGNMENT share"));
        } else if (scope == CommissionRate.Scope.ONLINE && (group == null || location != null)) {
            errors.add(new InvalidMoneyRequest.FieldError("group", "an online commission is set for one OCOP group (and no location)"));
        } else if (scope == CommissionRate.Scope.CONSIGNMENT && (location == null || group != null)) {
            errors.add(new InvalidMoneyRequest.FieldError("locationId", "a consignment share is set for one outlet (and no OCOP group)"));
        }
        if (percent == null || percent.hundredths() > CommissionRate.MAX.hundredths()) {
            errors.add(new InvalidMoneyRequest.FieldError("percent", "a rate is 0 to 50 percent, with at most two decimals"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidMoneyRequest(errors);
        }
    }
}

package vn.ocop.catalog.changes;

import java.time.Duration;

/** How far behind the index is: changes waiting, and the age of the oldest. */
public record ChangeLag(long pending, Duration oldest) {
}

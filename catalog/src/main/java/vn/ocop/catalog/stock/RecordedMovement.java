package vn.ocop.catalog.stock;

import java.util.UUID;

/** What became of a movement recorded by a person: applied now, or already there (a retry), and the stock on hand after it. */
public record RecordedMovement(UUID id, boolean applied, int onHandAfter) {
}

package vn.ocop.catalog.lots;

import vn.ocop.catalog.stock.LotRef;
import vn.ocop.catalog.LotId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One batch of a product as its label names it. It may be sold on {@code day} while it is not recalled and its use-by
 * date, if it has one, has not passed ({@link #usableOn}, the same rule as SQL's {@code lot_usable}).
 */
public record Lot(LotId id, ProductId product, String productName, ProducerId producer, String code, LocalDate producedOn,
                  LocalDate useBy, OffsetDateTime recalledAt, String recallReason, OffsetDateTime createdAt) {

    /** Where a lot stands on a day: on sale, past its use-by date, or recalled (which outranks the date). */
    public enum Status { ON_SALE, EXPIRED, RECALLED }

    public boolean usableOn(LocalDate day) {
        return status(day) == Status.ON_SALE;
    }

    public Status status(LocalDate day) {
        if (recalledAt != null) {
            return Status.RECALLED;
        }
        return useBy != null && useBy.isBefore(day) ? Status.EXPIRED : Status.ON_SALE;
    }

    /** The lot goods go to when nobody said which. */
    public boolean unlabelled() {
        return LotRef.UNLABELLED.equals(code);
    }
}

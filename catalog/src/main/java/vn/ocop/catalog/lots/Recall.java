package vn.ocop.catalog.lots;

import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProductId;
import java.util.List;

/**
 * What a lot's recall did, read from the ledger (so asking again answers the same): the lot as recalled, the
 * reservations of it moved to other lots of the product, those no other lot could cover (left set aside of the
 * recalled lot for their owner to cancel: an order's part, a live offer's pool; listed as they were at the recall, even
 * once cancelled), and who received its units.
 * References are the ledger's: {@code order:<id>} for an order, {@code live:<event>} for a live offer's pool.
 */
public record Recall(Lot lot, List<Holding> swapped, List<Holding> unswapped, List<Holding> received) {

    /** Units of the lot under one reference at one location. */
    public record Holding(String reference, LocationId location, ProductId product, int quantity) {
    }

    /** What a recall did to the ledger: see the record's parameters. */
    public record Holdings(List<Holding> swapped, List<Holding> unswapped, List<Holding> received) {
    }

    public Recall(Lot lot, Holdings holdings) {
        this(lot, holdings.swapped(), holdings.unswapped(), holdings.received());
    }

    public Recall {
        swapped = List.copyOf(swapped);
        unswapped = List.copyOf(unswapped);
        received = List.copyOf(received);
    }

    /** The longest reason a recall takes. */
    public static final int MAX_REASON = 500;

    /** The reason, trimmed; INVALID_RECALL when blank or longer than 500 characters. */
    public static String reason(String reason) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_REASON) {
            throw new CatalogException(CatalogErrorCode.INVALID_RECALL, "a recall gives its reason, 1 to " + MAX_REASON + " characters");
        }
        return trimmed;
    }
}

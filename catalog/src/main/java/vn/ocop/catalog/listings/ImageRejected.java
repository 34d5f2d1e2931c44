package vn.ocop.catalog.listings;

import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;

/** An image the catalog will not keep, and which rule it broke (pages say it in the reader's language). */
public class ImageRejected extends CatalogException {

    /** The rule an image broke. */
    public enum Rule {
        EMPTY, TOO_LARGE, UNSUPPORTED_TYPE, TOO_MANY,
        /** Wider or taller than the catalog keeps, judged from the header before any pixel is decoded. */
        DIMENSIONS_TOO_LARGE,
        /** Starts like a JPEG, PNG or WebP but does not decode as one. */
        UNREADABLE
    }

    private final Rule rule;

    public ImageRejected(Rule rule, String message) {
        super(CatalogErrorCode.IMAGE_REJECTED, message);
        this.rule = rule;
    }

    /** Also for the web layer, which stops reading an upload once it is too large. */
    public static ImageRejected tooLarge(int maxBytes) {
        return new ImageRejected(Rule.TOO_LARGE, "the image is larger than " + maxBytes / 1024 + " KB (" + maxBytes + " bytes)");
    }

    public Rule rule() {
        return rule;
    }
}

package vn.ocop.catalog;

/** Stable codes of what the catalog refuses; the web layer turns them into problem types. */
public enum CatalogErrorCode {
    /** Not there, or not yours, or not on sale: the three look the same from outside. */
    NOT_FOUND,
    /** Someone changed the listing since you read it. */
    STALE_VERSION,
    /** The listing or ranking is in a state that does not allow this. */
    INVALID_STATE,
    /** The ranking's facts do not add up (score and stars, dates). */
    INVALID_RANKING,
    /** An image of the wrong type or size. */
    IMAGE_REJECTED
}

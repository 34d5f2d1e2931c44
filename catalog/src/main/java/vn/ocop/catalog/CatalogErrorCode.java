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
    IMAGE_REJECTED,
    /** A location whose details do not add up (a warehouse without its producer, half a coordinate). */
    INVALID_LOCATION,
    /** A stock movement with a quantity its type does not allow. */
    INVALID_MOVEMENT,
    /** Not enough available stock: reserving or sending more than is there. */
    INSUFFICIENT_STOCK,
    /** More movements in one sync batch than the server takes. */
    BATCH_TOO_LARGE,
    /** A producer's details that break a rule: tax code, registration number, phone, bank account. */
    INVALID_PRODUCER_DETAILS,
    /** A producer with that tax code exists already, or an application for it is waiting. */
    ALREADY_REGISTERED,
    /** The application was approved or rejected already: a decision is made once. */
    ALREADY_DECIDED,
    /** A council acting beyond its mandate: a level or a ranking its scope (province, or national) does not cover. */
    OUTSIDE_MANDATE,
    /** A recall without its reason (1 to 500 characters). */
    INVALID_RECALL
}

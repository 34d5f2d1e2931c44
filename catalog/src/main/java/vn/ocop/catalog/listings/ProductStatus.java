package vn.ocop.catalog.listings;

/** A listing's life: drafted, published (ACTIVE), or withdrawn (ARCHIVED). */
public enum ProductStatus {
    DRAFT, ACTIVE, ARCHIVED
}

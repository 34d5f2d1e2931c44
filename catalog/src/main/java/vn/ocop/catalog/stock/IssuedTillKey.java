package vn.ocop.catalog.stock;


/** A new till key with its secret: the only time the secret is seen. */
public record IssuedTillKey(TillKey key, String secret) {
}

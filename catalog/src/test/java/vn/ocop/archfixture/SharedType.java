package vn.ocop.archfixture;

/** A module's shared type, used by its feature package: allowed. */
public record SharedType(String name) {
}

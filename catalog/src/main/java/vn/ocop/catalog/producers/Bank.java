package vn.ocop.catalog.producers;

/** A bank producers can be paid into: the code it is kept by, the brand people know and its legal name. */
public record Bank(String code, String shortName, String name) {
}

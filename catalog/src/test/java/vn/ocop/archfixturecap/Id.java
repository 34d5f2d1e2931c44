package vn.ocop.archfixturecap;

/** The kernel of a module by capability: a typed id every capability may use. */
public record Id(long value) {
}

package vn.ocop.archfixturecap.alpha.internal;

import vn.ocop.archfixturecap.Id;
import vn.ocop.archfixturecap.alpha.Alpha;

/** A capability's internals in a package below it: part of the capability's slice, not of its public API. */
public class Hidden {
    public Id id(Alpha alpha) {
        return new Id(alpha.hashCode());
    }
}

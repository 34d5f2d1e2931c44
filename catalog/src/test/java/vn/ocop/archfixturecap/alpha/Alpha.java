package vn.ocop.archfixturecap.alpha;

import vn.ocop.archfixturecap.Id;
import vn.ocop.archfixturecap.alpha.internal.Hidden;

/** A capability's public type: uses the kernel and its own internals. */
public class Alpha {
    public Id id() {
        return new Hidden().id(this);
    }
}

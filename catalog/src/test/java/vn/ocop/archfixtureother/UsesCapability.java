package vn.ocop.archfixtureother;

import vn.ocop.archfixturecap.Id;
import vn.ocop.archfixturecap.alpha.Alpha;

/** Allowed: another module using a module by capability through its kernel and a capability package. */
public class UsesCapability {
    public Id use() {
        return new Alpha().id();
    }
}

package vn.ocop.archfixtureother;

import vn.ocop.archfixturecap.alpha.Alpha;
import vn.ocop.archfixturecap.alpha.internal.Hidden;

/** The deliberate violation: another module reaching below a capability package into its internals. */
public class ReachesBelowACapability {
    public Object reach() {
        return new Hidden().id(new Alpha());
    }
}

package vn.ocop.archfixture.feature;

import vn.ocop.archfixture.Facade;

/** The deliberate violation: a feature package calling its module's facade closes a cycle. */
public class CallsBack {
    public Object again(Facade facade) {
        return facade.run();
    }
}

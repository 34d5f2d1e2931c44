package vn.ocop.archfixtureother;

import vn.ocop.archfixture.feature.Step;

/** The deliberate violation: another module reaching into a feature package instead of the root package. */
public class ReachesIn {
    public Object reach() {
        return new Step().take();
    }
}

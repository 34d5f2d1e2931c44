package vn.ocop.archfixture.feature;

import vn.ocop.archfixture.SharedType;

/** A feature package using its module's shared type: allowed. */
public class Step {
    public SharedType take() {
        return new SharedType("step");
    }
}

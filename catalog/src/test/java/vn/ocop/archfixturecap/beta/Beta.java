package vn.ocop.archfixturecap.beta;

import vn.ocop.archfixturecap.alpha.Alpha;

/** Uses capability alpha; fine on its own; {@code alpha.CallsBeta} closes the cycle. */
public class Beta {
    public Object of(Alpha alpha) {
        return alpha.id();
    }
}

package vn.ocop.archfixturecap.alpha;

import vn.ocop.archfixturecap.beta.Beta;

/** The deliberate violation: capability alpha using beta while beta uses alpha closes a cycle between capabilities. */
public class CallsBeta {
    public Object call(Alpha alpha) {
        return new Beta().of(alpha);
    }
}

package vn.ocop.archfixture;

import org.springframework.stereotype.Service;
import vn.ocop.archfixture.feature.Step;

/** A module's facade composing its feature package: allowed. */
@Service
public class Facade {
    public SharedType run() {
        return new Step().take();
    }
}

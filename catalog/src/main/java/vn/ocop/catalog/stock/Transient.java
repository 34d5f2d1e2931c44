package vn.ocop.catalog.stock;

import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/** PostgreSQL's word that a transaction lost a race and may simply be run again: a deadlock or a serialization failure. */
final class Transient {

    static final RetryBackoffSpec RETRY = Retry.backoff(5, Duration.ofMillis(20)).filter(Transient::isTransient);

    private Transient() {
    }

    static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof R2dbcException r && ("40P01".equals(r.getSqlState()) || "40001".equals(r.getSqlState()))) {
                return true;
            }
        }
        return false;
    }
}

package vn.ocop.catalog;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The marketplace's clock: validity is decided by the calendar date in Asia/Ho_Chi_Minh. An
 * auto-configuration, so that a Clock defined by the application or a test reliably takes its place.
 */
@AutoConfiguration
public class CatalogClock {

    /** The same as {@link CatalogTime#ZONE}, kept for callers in other modules. */
    public static final ZoneId ZONE = CatalogTime.ZONE;

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ZONE);
    }
}

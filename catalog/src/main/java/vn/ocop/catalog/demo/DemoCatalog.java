package vn.ocop.catalog.demo;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The demo catalog: the real OCOP products of the bundled data set with their producers and rankings, demo
 * prices, weights, locations and one till key, loaded once (loading again changes nothing).
 */
@Service
public class DemoCatalog {

    /** The Hà Nội showroom till's key; public on purpose, it is demo data. Only its SHA-256 is stored. */
    public static final String TILL_KEY = DemoLoader.TILL_KEY;

    private final DemoLoader loader;

    DemoCatalog(DemoLoader loader) {
        this.loader = loader;
    }

    /** {@code today} fixes the demo issue dates of rankings whose source gives no date. */
    public Mono<LoadedDemo> load(LocalDate today) {
        return loader.load(today);
    }
}

package vn.ocop.bench;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/** The viewers of {@code bench live}: their Server-Sent Events streams and when each saw each {@code pinned} event. */
interface PinWatchers extends AutoCloseable {

    /** Viewers whose stream delivered its first {@code state}. */
    int connected();

    /** Streams that failed (refused, reset, or cut off before the end). */
    long failed();

    /** Until every viewer has seen every pin, or the time is up (what did not arrive then counts as not delivered). */
    void awaitPins(int pins, Duration atMost) throws InterruptedException;

    /** Microseconds from each pin's request to its arrival, one value per viewer and pin that arrived. */
    Histogram latencies(long[] sent);

    /** How the viewers connect, for the table's title. */
    String transport();

    @Override
    void close();
}

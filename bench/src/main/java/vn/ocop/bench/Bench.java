package vn.ocop.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Entry point: {@code ./mvnw -q -pl bench exec:java -Dexec.args="search"} (after {@code ./mvnw install -DskipTests}).
 * {@code browse} drives a shop that is already running; {@code search}, {@code tills}, {@code checkout} and {@code live} start a shop of their own.
 * Each prints one table.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("usage: Bench browse [--url http://localhost:8080] [--concurrency 32] [--seconds 20]");
            System.out.println("       Bench search [--products 100000] [--concurrency 16] [--seconds 20] [--lag-samples 50]");
            System.out.println("       Bench checkout [--buyers 200] [--orders 5] [--stock 500] [--retries 0.1] [--warmup 1] [--warmup-seconds 60] [--jfr rush.jfr] [--show-sql true]");
            System.out.println("       Bench live [--viewers 5000] [--pins 20] [--buyers 200] [--claims 5] [--cap 500] [--claim-warmups 1] [--warmup-seconds 60]");
            System.out.println("       Bench tills [--tills 50] [--locations 10] [--sales 200] [--batch 50] [--lost-answers 0.2] [--duplicates 0.1] [--warmups 3] [--warmup-seconds 60] [--statement-log FILE] [--jfr FILE]");
            return;
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "browse" -> new BrowseBench(options).run();
            case "search" -> new SearchBench(options).run();
            case "tills" -> new TillBench(options).run();
            case "checkout" -> new CheckoutBench(options).run();
            case "live" -> new LiveBench(options).run();
            default -> throw new IllegalArgumentException("unknown benchmark: " + args[0]);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }
}

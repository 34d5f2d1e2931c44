package vn.ocop.bench;

import java.time.Duration;
import java.util.Map;

/**
 * Warm-up before a measured round: at least {@code --warmup} rounds (or the bench's own name for it), and more until
 * {@code --warmup-seconds} have passed. A shop that has been open for a few minutes has had its hot paths compiled by
 * the JIT; a count of rounds alone measured a JVM still compiling (after three checkout rounds of about five seconds
 * each, C1 and C2 were still a third of the app's CPU), so figures moved with how long the rounds happened to take.
 */
record Warmup(int rounds, Duration atLeast) {

    /** One warm-up round; {@code n} counts from 0. */
    @FunctionalInterface
    interface Round {
        void run(int n) throws Exception;
    }

    static Warmup of(Map<String, String> options, String roundsOption, int rounds, int seconds) {
        return new Warmup(Integer.parseInt(options.getOrDefault(roundsOption, String.valueOf(rounds))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup-seconds", String.valueOf(seconds)))));
    }

    /** Runs rounds until both the count and the time are reached; answers how many ran. */
    int run(Round round) throws Exception {
        long end = System.nanoTime() + atLeast.toNanos();
        int n = 0;
        while (n < rounds || System.nanoTime() - end < 0) {
            round.run(n++);
        }
        return n;
    }

    /** Runs exactly {@code n} rounds (another phase warmed as much as the first one was). */
    static void times(int n, Round round) throws Exception {
        for (int i = 0; i < n; i++) {
            round.run(i);
        }
    }
}

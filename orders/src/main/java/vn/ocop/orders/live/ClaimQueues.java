package vn.ocop.orders.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import vn.ocop.orders.FlashClaim;
import vn.ocop.orders.live.ClaimBatch.Answer;
import vn.ocop.orders.live.ClaimPolicy.Ask;

/**
 * Claims waiting for their offer, in this instance: at most one batch per offer is being settled at a time, and
 * the claims that arrive meanwhile form the next one. One transaction then answers many buyers where one per
 * claim would queue them all on the offer's row lock. Nothing here waits: a claim is queued, and whoever finds
 * the offer idle starts its next batch.
 */
final class ClaimQueues {

    /** A bound on one batch's statements (arrays of this many) and on how long its first buyer waits behind the rest. */
    static final int MAX_BATCH = 512;

    private final ConcurrentHashMap<UUID, Line> lines = new ConcurrentHashMap<>();
    private final BiFunction<UUID, List<Ask>, Mono<List<Answer>>> settle;

    /** {@code settle}: one batch of one offer, in its own transaction; its answers in the order asked. */
    ClaimQueues(BiFunction<UUID, List<Ask>, Mono<List<Answer>>> settle) {
        this.settle = settle;
    }

    Mono<FlashClaim> claim(UUID offer, Ask ask) {
        return Mono.create(sink -> {
            Line line = lines.computeIfAbsent(offer, Line::new);
            line.waiting.add(new Waiting(ask, sink));
            line.drain();
        });
    }

    private record Waiting(Ask ask, MonoSink<FlashClaim> sink) {
    }

    /** One offer's queue and whether a batch of it is being settled. */
    private final class Line {
        final UUID offer;
        final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean settling = new AtomicBoolean();

        Line(UUID offer) {
            this.offer = offer;
        }

        void drain() {
            if (!settling.compareAndSet(false, true)) {
                return;
            }
            List<Waiting> batch = new ArrayList<>();
            for (Waiting w; batch.size() < MAX_BATCH && (w = waiting.poll()) != null; ) {
                batch.add(w);
            }
            if (batch.isEmpty()) {
                // idle: forget the line (a claim that still found it queues here and drains it itself)
                lines.remove(offer, this);
                settling.set(false);
                if (!waiting.isEmpty()) {
                    drain();
                }
                return;
            }
            // the batch belongs to all its buyers, not to the one whose claim started it: it runs on its own
            // subscription, so a buyer going away cannot cancel the others' transaction
            settle.apply(offer, batch.stream().map(Waiting::ask).toList())
                    .doFinally(signal -> {
                        settling.set(false);
                        drain();
                    })
                    .subscribe(answers -> answer(batch, answers), failed -> batch.forEach(w -> w.sink().error(failed)));
        }

        private void answer(List<Waiting> batch, List<Answer> answers) {
            for (int i = 0; i < batch.size(); i++) {
                Answer a = answers.get(i);
                if (a.claim() != null) {
                    batch.get(i).sink().success(a.claim());
                } else {
                    batch.get(i).sink().error(a.refusal());
                }
            }
        }
    }
}

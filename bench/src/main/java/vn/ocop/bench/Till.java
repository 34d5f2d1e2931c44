package vn.ocop.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import vn.ocop.bench.SyncClient.Answer;
import vn.ocop.bench.SyncClient.MovementJson;
import vn.ocop.bench.SyncClient.SyncRequest;

/**
 * One simulated till: what it recorded (kept, so the bench knows what stock should be), and its outbox of what the
 * store has not yet confirmed. It drains the outbox one batch at a time and forgets a batch only when it hears the
 * answer; a batch whose answer it "did not hear" goes again, unchanged.
 */
final class Till {

    /** The network a till lives with: answers that never arrive, and batches that leave twice. */
    record Faults(double lostAnswers, double duplicates) {
        static final Faults NONE = new Faults(0, 0);
    }

    /** One (location, product) stock row. */
    record Shelf(UUID location, UUID product) {
    }

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    final String deviceId;
    final UUID location;
    final String key;
    private final List<UUID> products;
    private final Random random;
    private final List<MovementJson> recorded = new ArrayList<>();
    private final List<MovementJson> outbox = new ArrayList<>();
    private final OffsetDateTime openedAt = OffsetDateTime.now(VIETNAM).minusHours(3).truncatedTo(ChronoUnit.SECONDS);
    // touched only by this till's one chain of futures, one step after another
    private String version;
    private int batches;

    Till(String deviceId, UUID location, String key, List<UUID> products, Random random) {
        this.deviceId = deviceId;
        this.location = location;
        this.key = key;
        this.products = products;
        this.random = random;
    }

    /** The goods delivered before the till goes offline: {@code units} of each product it stocks. */
    void receive(int units) {
        products.forEach(p -> record(new MovementJson(UUID.randomUUID(), "RECEIPT", p, units, openedAt.toString())));
    }

    /** {@code count} sales of 1 to 3 units, each of a product this till received, spread over the three hours offline. */
    void sell(int count) {
        for (int i = 0; i < count; i++) {
            UUID product = products.get(random.nextInt(products.size()));
            record(new MovementJson(UUID.randomUUID(), "SALE", product, 1 + random.nextInt(3), openedAt.plusSeconds((i + 1) * 10_800L / (count + 1)).toString()));
        }
    }

    private void record(MovementJson movement) {
        recorded.add(movement);
        outbox.add(movement);
    }

    /** Sends the outbox in batches of {@code size}, each until its answer is heard; completes when the outbox is empty. */
    CompletableFuture<Void> drain(SyncClient client, int size, Faults faults) {
        if (outbox.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<MovementJson> batch = List.copyOf(outbox.subList(0, Math.min(size, outbox.size())));
        batches++;
        return deliver(client, batch, faults).thenCompose(answer -> {
            outbox.subList(0, batch.size()).clear();
            version = answer.version();
            return drain(client, size, faults);
        });
    }

    /** One batch until the till hears an answer: sometimes sent twice at once, sometimes its answer lost and sent again. */
    private CompletableFuture<Answer> deliver(SyncClient client, List<MovementJson> batch, Faults faults) {
        SyncRequest request = new SyncRequest(deviceId, version, batch);
        CompletableFuture<Answer> sent = random.nextDouble() < faults.duplicates()
                ? client.send(location, key, request).thenCombine(client.send(location, key, request), (first, second) -> first)
                : client.send(location, key, request);
        return sent.thenCompose(answer -> random.nextDouble() < faults.lostAnswers()
                ? deliver(client, batch, faults)
                : CompletableFuture.completedFuture(answer));
    }

    /** This till's last {@code count} sales again as new movements (fresh ids, same product, quantity and time): the database limit's outbox. */
    List<MovementJson> salesAgain(int count) {
        List<MovementJson> sales = recorded.stream().filter(m -> "SALE".equals(m.type())).toList();
        return sales.subList(Math.max(0, sales.size() - count), sales.size()).stream()
                .map(m -> new MovementJson(UUID.randomUUID(), m.type(), m.productId(), m.quantity(), m.occurredAt())).toList();
    }

    /** Distinct batches taken from the outbox so far (resends not counted). */
    int batches() {
        return batches;
    }

    List<UUID> movementIds() {
        return recorded.stream().map(MovementJson::id).toList();
    }

    /** What this till's own records say it did to each stock row: receipts in, sales out. */
    void addExpectedStock(Map<Shelf, Integer> stock) {
        recorded.forEach(m -> stock.merge(new Shelf(location, m.productId()), "SALE".equals(m.type()) ? -m.quantity() : m.quantity(), Integer::sum));
    }
}

package vn.ocop.catalog.lots;

import vn.ocop.catalog.CatalogTime;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.stock.MovementType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A lot as anyone who scans its label may see it: its code, dates and state today, and its public path (see
 * {@link TraceStep}). The path leaves out what only staff need (reservations, releases, counts) and who recorded each
 * step.
 */
public record LotTrace(Lot lot, Lot.Status status, List<TraceStep> path) {

    public LotTrace {
        Objects.requireNonNull(lot, "lot");
        path = List.copyOf(path);
    }

    /**
     * The public path from the ledger's steps (oldest first): made by the producer in its province on the production
     * date (when known), then each receipt, transfer, counter sale and online hand-over, one step per kind, place and
     * day with their total.
     */
    public static LotTrace of(Lot lot, String producerName, String producerProvince, List<LotStep> steps, LocalDate today) {
        List<TraceStep> path = new ArrayList<>();
        if (lot.producedOn() != null) {
            path.add(new TraceStep(TraceStep.Event.PRODUCED, TraceStep.Actor.PRODUCER, producerName, null, null, producerProvince,
                    lot.producedOn(), 0));
        }
        Map<Key, TraceStep> merged = new LinkedHashMap<>();
        for (LotStep step : steps) {
            TraceStep.Event event = event(step.type());
            if (event == null || step.quantity() == 0) {
                continue;
            }
            LocalDate day = step.occurredAt().atZoneSameInstant(CatalogTime.ZONE).toLocalDate();
            merged.merge(new Key(event, step.location(), day), publicStep(event, step, producerName, day),
                    (a, b) -> new TraceStep(a.event(), a.actor(), a.actorName(), a.place(), a.placeKind(), a.province(), a.day(),
                            a.quantity() + b.quantity()));
        }
        path.addAll(merged.values());
        return new LotTrace(lot, lot.status(today), path);
    }

    private static TraceStep publicStep(TraceStep.Event event, LotStep step, String producerName, LocalDate day) {
        boolean warehouse = step.locationKind() == LocationKind.WAREHOUSE;
        TraceStep.Actor actor = switch (event) {
            case SOLD -> TraceStep.Actor.COUNTER;
            case DELIVERED -> TraceStep.Actor.ONLINE_ORDER;
            default -> warehouse ? TraceStep.Actor.PRODUCER : TraceStep.Actor.OUTLET;
        };
        String name = switch (actor) {
            case PRODUCER -> producerName;
            case OUTLET -> step.locationName();
            default -> null;
        };
        return new TraceStep(event, actor, name, step.locationName(), step.locationKind(), step.province(), day, step.quantity());
    }

    /** The ledger's movement as a public event; null for what the public path leaves out. */
    private static TraceStep.Event event(MovementType type) {
        return switch (type) {
            case RECEIPT -> TraceStep.Event.RECEIVED;
            case TRANSFER_OUT -> TraceStep.Event.SENT;
            case TRANSFER_IN -> TraceStep.Event.ARRIVED;
            case SALE -> TraceStep.Event.SOLD;
            case FULFIL -> TraceStep.Event.DELIVERED;
            case COUNT, RESERVE, RELEASE -> null;
        };
    }

    private record Key(TraceStep.Event event, LocationId location, LocalDate day) {
    }
}

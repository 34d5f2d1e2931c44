package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.UUID;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;

/** A producer's livestream sale: its plan, its state, and the product pinned on screen now (null when none). */
public record LiveEvent(UUID id, ProducerId producer, String title, String videoUrl, OffsetDateTime plannedStart, OffsetDateTime plannedEnd,
                        LiveStatus status, ProductId pinned, OffsetDateTime startedAt, OffsetDateTime endedAt) {

    /** The player to embed for the video link (YouTube or Facebook); the marketplace carries no video itself. */
    public String embedUrl() {
        return EventPlan.embedUrl(videoUrl);
    }

    public boolean live() {
        return status == LiveStatus.LIVE;
    }
}

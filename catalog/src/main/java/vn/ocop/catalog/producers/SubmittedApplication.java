package vn.ocop.catalog.producers;

import vn.ocop.catalog.ProducerId;
import java.time.OffsetDateTime;

/**
 * An application as the marketplace keeps it: what was sent, where it stands, and once decided when, why (a
 * rejection's reason) and the producer an approval created.
 *
 * @param decisionReason null unless rejected
 * @param producer       null unless approved
 */
public record SubmittedApplication(
        ApplicationId id,
        ProducerApplication details,
        ApplicationStatus status,
        OffsetDateTime submittedAt,
        OffsetDateTime decidedAt,
        String decisionReason,
        ProducerId producer) {
}

package vn.ocop.catalog.councils;

import vn.ocop.catalog.CertificationId;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A notice on a producer's dashboard (also e-mailed when the producer has an address), e.g. a ranking about to expire. */
public record ProducerNotice(UUID id, CertificationId certification, String kind, String message, OffsetDateTime createdAt) {
}

package vn.ocop.catalog.producers;

import vn.ocop.catalog.ProducerId;
import java.time.OffsetDateTime;

/**
 * A producer as the marketplace's administrators see it: who it is, where, whether it may sell (and why not), how
 * to reach it and where its payouts go. Producers of the demo data have no registration, tax code or payout account.
 *
 * @param statusReason why it is suspended; null while active
 * @param payout       null when none is on file
 */
public record ProducerProfile(
        ProducerId id,
        ProducerKind kind,
        String name,
        String province,
        String commune,
        ProducerStatus status,
        String statusReason,
        OffsetDateTime statusChangedAt,
        String registrationNumber,
        String taxCode,
        String representative,
        String contactEmail,
        String contactPhone,
        PayoutAccount payout) {

    public boolean suspended() {
        return status == ProducerStatus.SUSPENDED;
    }
}

package vn.ocop.storefront.web.onboarding;

import java.time.OffsetDateTime;
import java.util.UUID;
import vn.ocop.catalog.producers.ApplicationStatus;
import vn.ocop.catalog.producers.PayoutAccount;
import vn.ocop.catalog.producers.ProducerApplication;
import vn.ocop.catalog.producers.ProducerKind;
import vn.ocop.catalog.producers.ProducerProfile;
import vn.ocop.catalog.producers.ProducerStatus;
import vn.ocop.catalog.producers.SubmittedApplication;

/** What the onboarding API answers: the applicant's receipt, ADMIN's view of applications and producers. */
final class OnboardingJson {

    private OnboardingJson() {
    }

    /** What an applicant learns: the application is in, waiting. */
    record ReceiptJson(UUID id, ApplicationStatus status, OffsetDateTime submittedAt) {
        static ReceiptJson of(SubmittedApplication a) {
            return new ReceiptJson(a.id().value(), a.status(), a.submittedAt());
        }
    }

    /**
     * An application as ADMIN sees it.
     *
     * @param decisionReason a rejection's reason; null otherwise
     * @param producerId     the producer an approval created; null otherwise
     */
    record ApplicationJson(UUID id, ApplicationStatus status, ProducerKind kind, String name, String registrationNumber,
                           String taxCode, String representative, String provinceCode, String province, String communeCode,
                           String commune, String phone, String email, PayoutJson payout, OffsetDateTime submittedAt,
                           OffsetDateTime decidedAt, String decisionReason, UUID producerId) {

        static ApplicationJson of(SubmittedApplication s) {
            ProducerApplication a = s.details();
            return new ApplicationJson(s.id().value(), s.status(), a.kind(), a.name(), a.registration().value(), a.taxCode().value(),
                    a.representative(), a.place().provinceCode(), a.place().province(), a.place().communeCode(), a.place().commune(),
                    a.phone().value(), a.email(), PayoutJson.of(a.payout()), s.submittedAt(), s.decidedAt(), s.decisionReason(),
                    s.producer() == null ? null : s.producer().value());
        }
    }

    record PayoutJson(String bank, String accountNumber, String accountHolder) {
        static PayoutJson of(PayoutAccount p) {
            return p == null ? null : new PayoutJson(p.bank(), p.number(), p.holder());
        }
    }

    /** @param mailed whether the applicant's mail (with the owner's one-time link) went out */
    record ApprovalJson(ApplicationJson application, UUID producerId, UUID ownerAccountId, boolean mailed) {
        static ApprovalJson of(Approvals.Approval a) {
            return new ApprovalJson(ApplicationJson.of(a.approved().application()), a.approved().producer().value(), a.owner().id(),
                    a.mailed());
        }
    }

    record RejectionJson(ApplicationJson application, boolean mailed) {
        static RejectionJson of(Approvals.Rejection r) {
            return new RejectionJson(ApplicationJson.of(r.application()), r.mailed());
        }
    }

    /** A producer as ADMIN sees it; registration, tax code and payout are null for producers that never applied (demo). */
    record ProducerJson(UUID id, ProducerKind kind, String name, String province, String commune, ProducerStatus status,
                        String statusReason, OffsetDateTime statusChangedAt, String registrationNumber, String taxCode,
                        String representative, String contactEmail, String contactPhone, PayoutJson payout) {
        static ProducerJson of(ProducerProfile p) {
            return new ProducerJson(p.id().value(), p.kind(), p.name(), p.province(), p.commune(), p.status(), p.statusReason(),
                    p.statusChangedAt(), p.registrationNumber(), p.taxCode(), p.representative(), p.contactEmail(), p.contactPhone(),
                    PayoutJson.of(p.payout()));
        }
    }
}

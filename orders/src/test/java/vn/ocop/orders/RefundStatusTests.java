package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How Stripe's news moves a refund, and what it holds of the payment meanwhile. */
class RefundStatusTests {

    @Test
    void anOpenRefundSettlesAnyWayAndASucceededOneCanOnlyStillFail() {
        for (RefundStatus next : RefundStatus.values()) {
            assertThat(RefundStatus.PENDING.canBecome(next)).as("pending → " + next).isEqualTo(next != RefundStatus.PENDING);
            assertThat(RefundStatus.SUCCEEDED.canBecome(next)).as("succeeded → " + next).isEqualTo(next == RefundStatus.FAILED);
            assertThat(RefundStatus.FAILED.canBecome(next)).as("failed → " + next + ": only a retry reopens it").isFalse();
            assertThat(RefundStatus.CANCELED.canBecome(next)).isFalse();
        }
    }

    @Test
    void failedAndCanceledRefundsHoldNothingAndCanBeTriedAgain() {
        assertThat(RefundStatus.FAILED.holdsMoney()).isFalse();
        assertThat(RefundStatus.CANCELED.holdsMoney()).isFalse();
        assertThat(RefundStatus.PENDING.holdsMoney()).isTrue();
        assertThat(RefundStatus.REQUIRES_ACTION.holdsMoney()).isTrue();
        assertThat(RefundStatus.SUCCEEDED.holdsMoney()).isTrue();
        assertThat(RefundStatus.FAILED.retryable()).isTrue();
        assertThat(RefundStatus.SUCCEEDED.retryable()).isFalse();
        assertThat(RefundStatus.fromStripe("requires_action")).isEqualTo(RefundStatus.REQUIRES_ACTION);
        assertThat(RefundStatus.fromStripe("something_new")).isEqualTo(RefundStatus.PENDING);
    }
}

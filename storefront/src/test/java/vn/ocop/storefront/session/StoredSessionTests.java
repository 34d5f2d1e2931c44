package vn.ocop.storefront.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a request of a signed-in person may leave the stored row as it is: only its last access is newer, by less than a minute. */
class StoredSessionTests {

    private static final Instant STORED = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration MINUTE = PostgresSessions.TOUCH_EVERY;

    private static StoredSession read() {
        return StoredSession.stored(Clock.fixed(STORED, ZoneOffset.UTC), "the-id", STORED.minusSeconds(600), STORED, Duration.ofMinutes(30),
                Map.of("SPRING_SECURITY_CONTEXT", "ctx"));
    }

    @Test
    void aRequestWithinAMinuteOfTheStoredAccessWritesNothing() {
        StoredSession s = read();
        s.setLastAccessedTime(STORED.plusSeconds(59));

        assertThat(s.storedWithin(MINUTE)).isTrue();
    }

    @Test
    void aMinuteOrMoreLaterTheLastAccessIsWrittenAndThenCountsFromThere() {
        StoredSession s = read();
        s.setLastAccessedTime(STORED.plusSeconds(60));
        assertThat(s.storedWithin(MINUTE)).isFalse();

        s.saved();
        s.setLastAccessedTime(STORED.plusSeconds(90));
        assertThat(s.storedWithin(MINUTE)).as("30 s after the access just written").isTrue();
    }

    @Test
    void anyOtherChangeIsWrittenAtOnce() {
        StoredSession attribute = read();
        attribute.setLastAccessedTime(STORED.plusSeconds(1));
        attribute.setAttribute("note", "x");
        assertThat(attribute.storedWithin(MINUTE)).as("an attribute set").isFalse();

        StoredSession removed = read();
        removed.removeAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(removed.storedWithin(MINUTE)).as("an attribute removed (signing out)").isFalse();

        StoredSession newId = read();
        newId.changeSessionId();
        assertThat(newId.storedWithin(MINUTE)).as("a new id (signing in)").isFalse();

        StoredSession timeout = read();
        timeout.setMaxInactiveInterval(Duration.ofMinutes(60));
        assertThat(timeout.storedWithin(MINUTE)).as("another timeout").isFalse();
    }

    @Test
    void aNewSessionIsAlwaysWritten() {
        StoredSession s = StoredSession.create(Clock.fixed(STORED, ZoneOffset.UTC), Duration.ofMinutes(30));
        s.setAttribute("SPRING_SECURITY_CONTEXT", "ctx");
        s.saved();
        assertThat(s.storedWithin(MINUTE)).as("once saved, like any stored one").isTrue();

        assertThat(StoredSession.create(Clock.fixed(STORED, ZoneOffset.UTC), Duration.ofMinutes(30)).storedWithin(MINUTE)).isFalse();
    }

    @Test
    void theAccountReadWithASessionIsNoAttributeAndIsForgottenOnceTheAttributesChange() {
        vn.ocop.storefront.account.Account shopper = new vn.ocop.storefront.account.Account(java.util.UUID.randomUUID(), "shopper@demo.ocop.vn",
                "hash", "Shopper", vn.ocop.storefront.account.Role.SHOPPER, null, null, true, false, null, null);
        StoredSession s = StoredSession.stored(Clock.fixed(STORED, ZoneOffset.UTC), "the-id", STORED.minusSeconds(600), STORED,
                Duration.ofMinutes(30), Map.of("SPRING_SECURITY_CONTEXT", "ctx"), shopper);

        assertThat(s.<Object>getAttribute(StoredSession.ACCOUNT_READ_WITH_IT)).isEqualTo(shopper);
        assertThat(s.getAttributeNames()).containsExactly("SPRING_SECURITY_CONTEXT");
        assertThat(s.attributes()).doesNotContainKey(StoredSession.ACCOUNT_READ_WITH_IT);

        s.setAttribute("SPRING_SECURITY_CONTEXT", "another person's");
        assertThat(s.<Object>getAttribute(StoredSession.ACCOUNT_READ_WITH_IT)).as("signed in anew: read with the old session, no longer").isNull();
    }
}

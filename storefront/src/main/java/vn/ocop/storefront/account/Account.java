package vn.ocop.storefront.account;

import java.util.Locale;
import java.util.UUID;
import vn.ocop.catalog.rankings.CouncilScope;

/**
 * Someone who signs in, with what their role acts for: a PRODUCER's producer (and whether they are its owner, who
 * runs its members), a STAFF member's location, a COUNCIL's scope ({@link #NATIONAL} or a province). An account made
 * for someone has no password hash until they set one through their one-time link.
 *
 * @param councilScope {@link #NATIONAL}, or the province as producers name it; null unless COUNCIL
 * @param phone        the shopper's phone number as {@link vn.ocop.catalog.producers.PhoneNumber} keeps it (ten or eleven digits); null if none was given
 */
public record Account(UUID id, String email, String passwordHash, String displayName, Role role,
                      UUID producerId, UUID locationId, boolean enabled, boolean producerOwner, String councilScope, String phone) {

    public static final String NATIONAL = "NATIONAL";

    public Account {
        email = email.trim().toLowerCase(Locale.ROOT);
        if (role == Role.PRODUCER && producerId == null) {
            throw new IllegalArgumentException("a producer account acts for a producer");
        }
        if (role == Role.STAFF && locationId == null) {
            throw new IllegalArgumentException("a staff account acts for a location");
        }
        if ((role == Role.COUNCIL) != (councilScope != null)) {
            throw new IllegalArgumentException("a council account, and only one, ranks for a scope: NATIONAL or a province");
        }
        if (producerOwner && role != Role.PRODUCER) {
            throw new IllegalArgumentException("only a producer's member is its owner");
        }
    }

    /** A shopper; {@code phone} already normalised, or null. */
    public static Account shopper(String email, String passwordHash, String displayName, String phone) {
        return new Account(UUID.randomUUID(), email, passwordHash, displayName, Role.SHOPPER, null, null, true, false, null, phone);
    }

    /** A producer's member (its owner when {@code owner}), without a password yet. */
    public static Account member(String email, String displayName, UUID producer, boolean owner) {
        return new Account(UUID.randomUUID(), email, null, displayName, Role.PRODUCER, producer, null, true, owner, null, null);
    }

    /** Staff of a location, without a password yet. */
    public static Account staff(String email, String displayName, UUID location) {
        return new Account(UUID.randomUUID(), email, null, displayName, Role.STAFF, null, location, true, false, null, null);
    }

    /** A council account for {@link #NATIONAL} or a province, without a password yet. */
    public static Account council(String email, String displayName, String scope) {
        return new Account(UUID.randomUUID(), email, null, displayName, Role.COUNCIL, null, null, true, false, scope, null);
    }

    /** Whether a password was ever set: an account without one cannot sign in. */
    public boolean hasPassword() {
        return passwordHash != null;
    }

    /** For whom a COUNCIL account ranks; null for any other role. */
    public CouncilScope council() {
        if (role != Role.COUNCIL) {
            return null;
        }
        return NATIONAL.equals(councilScope) ? CouncilScope.NATIONAL : CouncilScope.of(councilScope);
    }
}

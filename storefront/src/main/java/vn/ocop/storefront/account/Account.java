package vn.ocop.storefront.account;

import java.util.Locale;
import java.util.UUID;

/** Someone who signs in, with the producer or location they act for when their role has one. */
public record Account(UUID id, String email, String passwordHash, String displayName, Role role,
                      UUID producerId, UUID locationId, boolean enabled) {

    public Account {
        email = email.trim().toLowerCase(Locale.ROOT);
        if (role == Role.PRODUCER && producerId == null) {
            throw new IllegalArgumentException("a producer account acts for a producer");
        }
        if (role == Role.STAFF && locationId == null) {
            throw new IllegalArgumentException("a staff account acts for a location");
        }
    }

    public static Account shopper(String email, String passwordHash, String displayName) {
        return new Account(UUID.randomUUID(), email, passwordHash, displayName, Role.SHOPPER, null, null, true);
    }
}

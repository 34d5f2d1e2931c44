package vn.ocop.storefront.account;

import java.time.Instant;

/** An account and the one-time link just made for it to set its password: the token is mailed, never stored. */
public record Invitation(Account account, String token, Instant expiresAt) {

    /** The link to mail, on the marketplace's public address ({@link PublicAddress}). */
    public String link(String base) {
        return base + "/account/set-password/" + token;
    }
}

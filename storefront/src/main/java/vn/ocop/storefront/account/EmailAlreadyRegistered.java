package vn.ocop.storefront.account;

/** Someone tried to register an e-mail address that already has an account. */
public class EmailAlreadyRegistered extends RuntimeException {
    public EmailAlreadyRegistered(String email) {
        super("An account with e-mail " + email + " already exists.");
    }
}

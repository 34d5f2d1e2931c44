package vn.ocop.storefront.account;

/** What account management refuses, with a stable code; the web layer maps it to a problem or a page. */
public class AccountException extends RuntimeException {

    private final AccountErrorCode code;

    public AccountException(AccountErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public AccountErrorCode code() {
        return code;
    }

    public static AccountException notFound(Object id) {
        return new AccountException(AccountErrorCode.NOT_FOUND, "account " + id + " not found");
    }
}

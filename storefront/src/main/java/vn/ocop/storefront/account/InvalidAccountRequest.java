package vn.ocop.storefront.account;

/** A new account's field that does not fit its role (code INVALID_REQUEST), named so a form can show it beside the field. */
public final class InvalidAccountRequest extends AccountException {

    private final String field;

    public InvalidAccountRequest(String field, String message) {
        super(AccountErrorCode.INVALID_REQUEST, field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

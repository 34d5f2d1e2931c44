package vn.ocop.storefront.web;

import vn.ocop.storefront.account.Account;

/**
 * Who is looking at a page, as the header shows it: by name (the e-mail only as the name's tooltip), and for staff,
 * producers, councils and admins the role in words.
 */
public record Viewer(boolean signedIn, String email, String name, String role) {

    static final Viewer ANONYMOUS = new Viewer(false, null, null, null);

    static Viewer of(Account account) {
        String name = account.displayName() == null || account.displayName().isBlank() ? account.email() : account.displayName();
        return new Viewer(true, account.email(), name, account.role().name());
    }

    public boolean hasRole(String r) {
        return r.equals(role);
    }
}

package vn.ocop.storefront.web;

/** Who is looking at a page, as the header shows it. */
public record Viewer(boolean signedIn, String email, String role) {

    static final Viewer ANONYMOUS = new Viewer(false, null, null);

    public boolean hasRole(String r) {
        return r.equals(role);
    }
}

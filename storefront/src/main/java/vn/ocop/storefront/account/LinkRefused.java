package vn.ocop.storefront.account;

/** A one-time link that does not set a password: never issued or replaced, used already, or expired. */
public class LinkRefused extends RuntimeException {

    private final OneTimeLinks.State state;

    public LinkRefused(OneTimeLinks.State state) {
        super("the link is " + state.name().toLowerCase());
        this.state = state;
    }

    public OneTimeLinks.State state() {
        return state;
    }
}

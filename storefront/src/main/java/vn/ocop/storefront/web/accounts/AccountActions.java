package vn.ocop.storefront.web.accounts;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import vn.ocop.storefront.account.PublicAddress;
import vn.ocop.storefront.security.CurrentAccount;

/** What the account pages share: who is asking, and the address their mails' links point to. */
@Component
class AccountActions {

    private final CurrentAccount current;
    private final PublicAddress address;

    AccountActions(CurrentAccount current, PublicAddress address) {
        this.current = current;
        this.address = address;
    }

    CurrentAccount current() {
        return current;
    }

    String base(ServerHttpRequest request) {
        return address.of(request);
    }
}

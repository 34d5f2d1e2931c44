package vn.ocop.storefront.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The address links in e-mails point to: {@code ocop.public-url} (OCOP_PUBLIC_URL, e.g. https://cho-ocop.vn) when set,
 * else the scheme, host and port the request that caused the mail came in on (behind a proxy, as its forwarded
 * headers say). Set it in production, so that a mail's link never depends on what a request claims its host is.
 */
@Component
public class PublicAddress {

    private final String configured;

    PublicAddress(@Value("${ocop.public-url:}") String configured) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    public String of(ServerHttpRequest request) {
        if (!configured.isBlank()) {
            return configured;
        }
        var uri = request.getURI();
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}

package vn.ocop.storefront.account;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where sign-in and registration send a shopper back to (the cart, the checkout, a product page): the {@code return}
 * parameter, taken only when it is a path of this shop. An absolute URL, a scheme-relative {@code //host}, a
 * backslash (which browsers read as a slash), control characters, the sign-in and registration pages themselves and
 * the API are refused, so the parameter can never send anyone to another site.
 */
public final class ReturnTo {

    public static final String PARAMETER = "return";

    private static final Pattern UNSAFE = Pattern.compile("[\\\\\\p{Cntrl}\\s]");
    private static final Pattern NOT_BACK_TO = Pattern.compile("^/(login|register|logout|error|api/)(?:[/?#].*)?$|^/api/.*");

    private ReturnTo() {
    }

    /** The target if it is a local path worth going back to; empty otherwise. */
    public static Optional<String> local(String target) {
        if (target == null || target.isEmpty() || target.length() > 1000 || !target.startsWith("/") || target.startsWith("//")
                || UNSAFE.matcher(target).find() || NOT_BACK_TO.matcher(target).matches()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(target);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? Optional.of(target) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The safe {@code return} a sign-in or registration form sent, if any. */
    public static Mono<String> fromForm(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> Mono.justOrEmpty(local(form.getFirst(PARAMETER))));
    }
}

package vn.ocop.storefront.input;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose Content-Type or Accept header cannot be parsed, before anything else reads it: the
 * security filters (CSRF looks at the Content-Type of every request), the codecs and the error pages would each
 * fail on it with a server error. Runs first of all filters; the answer is a 400 problem naming the header.
 */
@Component
class WellFormedHeaders implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String problem = contentTypeProblem(headers.getValuesAsList(HttpHeaders.CONTENT_TYPE));
        if (problem != null) {
            return Mono.error(new InvalidInput(HttpStatus.BAD_REQUEST, HttpHeaders.CONTENT_TYPE, problem));
        }
        if (!acceptParses(headers.get(HttpHeaders.ACCEPT))) {
            return Mono.error(new InvalidInput(HttpStatus.BAD_REQUEST, HttpHeaders.ACCEPT, "is not a list of media types"));
        }
        return chain.filter(exchange);
    }

    private static String contentTypeProblem(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            return "is sent more than once";
        }
        try {
            MediaType type = MediaType.parseMediaType(values.get(0));
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return "names no concrete media type";
            }
            type.getCharset(); // an unknown charset is refused here rather than while the body is read
            return null;
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException, UnsupportedCharsetException
            return "is not a media type such as application/json";
        }
    }

    private static boolean acceptParses(List<String> values) {
        if (values == null) {
            return true;
        }
        try {
            values.forEach(MediaType::parseMediaTypes);
            return true;
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException, UnsupportedCharsetException
            return false;
        }
    }
}

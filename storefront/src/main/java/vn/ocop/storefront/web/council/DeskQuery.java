package vn.ocop.storefront.web.council;

import java.util.Optional;
import java.util.UUID;
import org.springframework.web.util.UriComponentsBuilder;

/** Where the council desk is: the product search typed and the product chosen, kept across its forms. */
record DeskQuery(String text, UUID product) {

    DeskQuery {
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** "/council?q=…&product=…", plus {@code flag} (recorded, revoked) when given. */
    String desk(String flag) {
        return "/council" + query(flag);
    }

    /** The query string that brings the desk back here, for form actions; "" when there is nothing to keep. */
    String query(String flag) {
        var uri = UriComponentsBuilder.newInstance()
                .queryParamIfPresent("q", Optional.ofNullable(text))
                .queryParamIfPresent("product", Optional.ofNullable(product));
        if (flag != null) {
            uri.queryParam(flag);
        }
        return uri.encode().build().toUriString();
    }
}

package vn.ocop.storefront.web.producer;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** What the listing page says after an action redirected to it ({@code ?saved}, {@code ?stale}, ...). */
enum ListingNotice {
    CREATED("created", "producer.listing.created", false),
    SAVED("saved", "producer.listing.saved", false),
    PUBLISHED("published", "producer.listing.published", false),
    ARCHIVED("archived", "producer.listing.archived", false),
    IMAGE_ADDED("imageAdded", "producer.images.added", false),
    STALE("stale", "producer.listing.stale", true),
    NOT_EDITABLE("notEditable", "producer.listing.not-editable", true);

    private final String parameter;
    private final String messageKey;
    private final boolean error;

    ListingNotice(String parameter, String messageKey, boolean error) {
        this.parameter = parameter;
        this.messageKey = messageKey;
        this.error = error;
    }

    static List<ListingNotice> named(Set<String> parameters) {
        return Arrays.stream(values()).filter(n -> parameters.contains(n.parameter)).toList();
    }

    String parameter() {
        return parameter;
    }

    public String messageKey() {
        return messageKey;
    }

    public boolean error() {
        return error;
    }
}

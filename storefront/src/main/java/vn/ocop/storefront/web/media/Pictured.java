package vn.ocop.storefront.web.media;

import java.util.List;

/**
 * How pages picture one product: its photos in the producer's order or, when it has none, the illustration of its
 * kind, which pages label as such ({@link #illustrated()}). {@code name} is for the alt text.
 */
public record Pictured(String name, List<Picture> photos, Illustration illustration) {

    public Pictured {
        photos = List.copyOf(photos);
    }

    /** The picture a card, a search hit or an order line shows. */
    public Picture main() {
        return photos.isEmpty() ? Picture.of(illustration) : photos.get(0);
    }

    /** True when no photo was uploaded and {@link #main()} is a drawing of the kind of product, not the product. */
    public boolean illustrated() {
        return photos.isEmpty();
    }

    /** The key naming the kind in words, for the illustration's label and alt text. */
    public String kindKey() {
        return illustration.messageKey();
    }
}

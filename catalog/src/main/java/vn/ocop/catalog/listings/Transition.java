package vn.ocop.catalog.listings;

import java.util.List;

/** The listing's life: a draft or an archived listing can be published; a draft or a published one archived. */
enum Transition {
    PUBLISH(ProductStatus.ACTIVE, List.of(ProductStatus.DRAFT, ProductStatus.ARCHIVED)),
    ARCHIVE(ProductStatus.ARCHIVED, List.of(ProductStatus.DRAFT, ProductStatus.ACTIVE));

    final ProductStatus to;
    final List<ProductStatus> from;

    Transition(ProductStatus to, List<ProductStatus> from) {
        this.to = to;
        this.from = from;
    }

    String[] fromNames() {
        return from.stream().map(Enum::name).toArray(String[]::new);
    }

    String refusal(ProductStatus current) {
        return "a " + current + " listing cannot be " + (this == PUBLISH ? "published" : "archived")
                + " (only " + from.get(0) + " or " + from.get(1) + ")";
    }
}

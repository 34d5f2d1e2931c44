package vn.ocop.storefront.web.shop;

/**
 * A price range as a shopper typed it on the search page: whole đồng, with or without separators ("100.000",
 * "100,000 ₫"); a blank side has no bound. A range that cannot be read, or whose floor is above its ceiling,
 * is {@code invalid}: the page says so on the form and searches without it.
 */
record PriceInput(String typedMin, String typedMax, Long min, Long max, boolean invalid) {

    private static final int MAX_DIGITS = 13; // ten thousand billion đồng: far above any price, far below a long

    static PriceInput of(String typedMin, String typedMax) {
        try {
            Long min = amount(typedMin);
            Long max = amount(typedMax);
            if (min != null && max != null && min > max) {
                return new PriceInput(typedMin, typedMax, null, null, true);
            }
            return new PriceInput(typedMin, typedMax, min, max, false);
        } catch (IllegalArgumentException unreadable) {
            return new PriceInput(typedMin, typedMax, null, null, true);
        }
    }

    private static Long amount(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String digits = typed.replaceAll("[\\s.,₫đ]", "");
        if (!digits.matches("\\d{1," + MAX_DIGITS + "}")) {
            throw new IllegalArgumentException("not a price: " + typed);
        }
        return Long.parseLong(digits);
    }
}

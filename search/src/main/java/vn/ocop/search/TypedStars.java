package vn.ocop.search;

/**
 * Stars typed in a query ("nuoc mam 4 sao"), which search reads as the stars filter, and the words left without them
 * (see {@link ProductSearch#typedStars}).
 *
 * @param words the query without the stars
 * @param stars 3, 4 or 5
 */
public record TypedStars(String words, int stars) {
}

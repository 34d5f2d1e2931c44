package vn.ocop.search;

import vn.ocop.catalog.Folding;

/**
 * Vietnamese without diacritics, the same at index and at query time: the catalog's {@link Folding} (NFD, combining
 * marks dropped, đ/Đ → d/D, lower case), which PostgreSQL's {@code ocop_fold} matches. "Bí xanh thơm Ba Bể" →
 * "bi xanh thom ba be". Done in the application because the test node has no asciifolding, and it works on any cluster.
 */
public final class TextFolding {

    private TextFolding() {
    }

    public static String fold(String text) {
        return Folding.fold(text);
    }
}

package vn.ocop.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese without diacritics, the same at index and at query time: NFD, combining marks dropped,
 * đ/Đ → d/D (NFD does not decompose them), lower case. "Bí xanh thơm Ba Bể" → "bi xanh thom ba be".
 * Done in the application because the test node has no asciifolding, and it works on any cluster.
 */
public final class TextFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextFolding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(nfd).replaceAll("").replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }
}

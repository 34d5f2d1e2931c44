package vn.ocop.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese without diacritics, the one definition every finder uses: NFD, combining marks dropped, đ/Đ → d/D (NFD
 * does not decompose them), lower case. "Bí xanh thơm Ba Bể" → "bi xanh thom ba be". PostgreSQL has the same fold
 * as {@code ocop_fold(text)} (migration V2026_12_07_10), tested against this one.
 */
public final class Folding {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

    private Folding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        // one pass, no regex: search folds every word of every hit it highlights, and the indexer every document
        StringBuilder out = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); ) {
            int c = nfd.codePointAt(i);
            i += Character.charCount(c);
            if (!isMark(c)) {
                out.appendCodePoint(c == 'đ' ? 'd' : c == 'Đ' ? 'D' : c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** A combining mark (\p{M}: Mn, Mc, Me), what NFD splits diacritics into. */
    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** Lower case with its diacritics, composed (NFC), so "Trà" typed on any keyboard compares equal to "trà". */
    public static String lower(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** The words of {@code text} (letters and digits), lower case, diacritics kept; punctuation separates words. */
    public static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(NOT_WORD.split(lower(text))).filter(w -> !w.isEmpty()).toList();
    }
}

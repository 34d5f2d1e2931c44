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
        // Latin and Vietnamese text, nearly everything searched and indexed, folds one char at a time from a table made
        // by the full definition below; any other char sends the whole text through it
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String folded = c < TABLE.length ? TABLE[c] : null;
            if (folded == null) {
                return defined(text);
            }
            out.append(folded);
        }
        return out.toString();
    }

    /**
     * Each char of Basic Latin to Latin Extended-B, the combining diacritical marks and Latin Extended Additional (every
     * Vietnamese letter, composed or not) folded alone; null for every other char. In these blocks folding a text is
     * folding each char: NFD only decomposes, the marks it could reorder are all dropped, and lower case depends on
     * context only for Greek's final sigma, outside them.
     */
    private static final String[] TABLE = new String[0x1F00];

    static {
        for (char c = 0; c < TABLE.length; c++) {
            if (c <= 0x024F || (c >= 0x0300 && c <= 0x036F) || c >= 0x1E00) {
                TABLE[c] = defined(String.valueOf(c));
            }
        }
    }

    /** The definition: NFD, combining marks dropped, đ/Đ → d/D, lower case; in one pass, no regex. */
    private static String defined(String text) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
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

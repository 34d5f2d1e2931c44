package vn.ocop.search.query;

import java.util.HashSet;
import java.util.Set;
import vn.ocop.search.TextFolding;

/**
 * Marks the words of a name that the query matched, with or without diacritics ("bi xanh" marks "Bí xanh"),
 * which Elasticsearch's highlighter cannot do across the folded twin fields. Everything else is HTML-escaped.
 * Made once per query ({@link #of}) and used for each hit: the query's words are split once, and names are read
 * in one pass without regular expressions (a search highlights 24 names or more).
 */
public final class Highlighter {

    /** The query's folded and Telex-read words. */
    private final Set<String> tokens;

    private Highlighter(Set<String> tokens) {
        this.tokens = tokens;
    }

    public static Highlighter of(QueryText query) {
        Set<String> tokens = new HashSet<>();
        for (QueryText.Word w : query.words()) {
            tokens.add(w.folded());
            tokens.add(w.telex());
        }
        tokens.remove("");
        return new Highlighter(Set.copyOf(tokens));
    }

    /** {@code name} HTML-escaped, each word the query matched (exactly, or as a prefix of 3 letters or more) in {@code <mark>}. */
    public String mark(String name) {
        StringBuilder out = new StringBuilder(name.length() + 32);
        int i = 0;
        while (i < name.length()) {
            int end = i;
            while (end < name.length() && isWordChar(name.codePointAt(end))) {
                end += Character.charCount(name.codePointAt(end));
            }
            if (end == i) { // a character between words
                end = i + Character.charCount(name.codePointAt(i));
                escape(name.substring(i, end), out);
            } else if (matches(TextFolding.fold(name.substring(i, end)))) {
                out.append("<mark>");
                escape(name.substring(i, end), out);
                out.append("</mark>");
            } else {
                escape(name.substring(i, end), out);
            }
            i = end;
        }
        return out.toString();
    }

    private boolean matches(String folded) {
        if (tokens.contains(folded)) {
            return true;
        }
        for (String t : tokens) {
            if (t.length() >= 3 && folded.startsWith(t)) {
                return true;
            }
        }
        return false;
    }

    /** A letter, combining mark or digit: what the query's words are made of (\p{L}\p{M}\p{N}). */
    private static boolean isWordChar(int c) {
        return Character.isLetter(c) || Character.isDigit(c) || isMarkOrNumber(Character.getType(c));
    }

    private static boolean isMarkOrNumber(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static void escape(String s, StringBuilder out) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}

package vn.ocop.search.query;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.ocop.search.TextFolding;

/**
 * Marks the words of a name that the query matched, with or without diacritics ("bi xanh" marks "Bí xanh"),
 * which Elasticsearch's highlighter cannot do across the folded twin fields. Everything else is HTML-escaped.
 */
public final class Highlighter {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    private Highlighter() {
    }

    public static String mark(String name, QueryText query) {
        Set<String> tokens = Stream.of(query.folded(), query.telex()).flatMap(s -> Stream.of(s.split("\\s+")))
                .filter(t -> !t.isBlank()).collect(Collectors.toSet());
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(name);
        int last = 0;
        while (m.find()) {
            out.append(escape(name.substring(last, m.start())));
            String word = m.group();
            String folded = TextFolding.fold(word);
            boolean hit = tokens.stream().anyMatch(t -> folded.equals(t) || (t.length() >= 3 && folded.startsWith(t)));
            out.append(hit ? "<mark>" + escape(word) + "</mark>" : escape(word));
            last = m.end();
        }
        return out.append(escape(name.substring(last))).toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}

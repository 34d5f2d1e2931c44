package vn.ocop.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.ocop.catalog.OcopGroup;

/**
 * Whether a search result shares a word with the query, judged the way a person reading the page would, and written
 * apart from the query code (its own fold, its own reading of the synonyms file, its own edit distance) so that a
 * result the query code lets in wrongly is caught: the same word without diacritics, a typo in a word of 5 letters
 * or more, Telex tone keys left in, a synonym, words joined or split, or the last word typed as a prefix.
 */
final class SharedWords {

    private final List<List<String>> groups;

    private SharedWords(List<List<String>> groups) {
        this.groups = groups;
    }

    static SharedWords fromProjectSynonyms() {
        try (InputStream in = SharedWords.class.getResourceAsStream("/vn/ocop/catalog/text/synonyms.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<List<String>> groups = text.lines().map(l -> l.replaceAll("#.*", ""))
                    .map(l -> Arrays.stream(l.split(",")).map(m -> String.join(" ", words(m))).filter(m -> !m.isEmpty()).toList())
                    .filter(g -> g.size() > 1).toList();
            return new SharedWords(groups);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean shareAWord(String query, SearchResult.Hit hit) {
        List<String> asked = words(query);
        List<String> hitWords = new ArrayList<>();
        for (String field : Stream.of(hit.name(), hit.producer(), hit.province(), hit.formerProvince(), groupName(hit.group())).toList()) {
            List<String> ws = words(field);
            hitWords.addAll(ws);
            for (int i = 0; i + 1 < ws.size(); i++) {
                hitWords.add(ws.get(i) + ws.get(i + 1));
            }
        }
        String hitText = " " + String.join(" ", hitWords) + " ";
        Set<String> wanted = new HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            String w = asked.get(i);
            wanted.add(w);
            wanted.add(w.replaceAll("(\\p{L})\\1+", "$1"));
            if (w.length() >= 3 && "sfrxj".indexOf(w.charAt(w.length() - 1)) >= 0) {
                wanted.add(w.substring(0, w.length() - 1));
            }
            if (i + 1 < asked.size()) {
                wanted.add(w + asked.get(i + 1));
            }
        }
        for (String w : wanted) {
            if (hitWords.contains(w) || hitWords.stream().anyMatch(h -> typo(w, h))) {
                return true;
            }
        }
        String last = asked.isEmpty() ? "" : asked.get(asked.size() - 1);
        if (last.length() >= 2 && hitWords.stream().anyMatch(h -> h.startsWith(last))) {
            return true;
        }
        return synonymShared(asked, hitText);
    }

    private boolean synonymShared(List<String> asked, String hitText) {
        Set<String> runs = new HashSet<>();
        for (int from = 0; from < asked.size(); from++) {
            for (int to = from + 1; to <= asked.size(); to++) {
                runs.add(String.join(" ", asked.subList(from, to)));
                runs.add(String.join("", asked.subList(from, to)));
            }
        }
        for (List<String> group : groups) {
            if (group.stream().anyMatch(m -> runs.contains(m) || runs.contains(m.replace(" ", "")))) {
                if (group.stream().anyMatch(m -> hitText.contains(" " + m + " "))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One edit (a letter changed, added, dropped or two swapped) from 5 letters, two from 8. */
    private static boolean typo(String asked, String word) {
        int allowed = asked.length() >= 8 ? 2 : asked.length() >= 5 ? 1 : 0;
        return allowed > 0 && Math.abs(asked.length() - word.length()) <= allowed && distance(asked, word) <= allowed;
    }

    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String groupName(String group) {
        return group == null ? null : OcopGroup.valueOf(group).vietnameseName();
    }

    /** Lower case, diacritics and punctuation gone: "Trà hoa vàng (Bắc Kạn)" → [tra, hoa, vang, bac, kan]. */
    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).collect(Collectors.toList());
    }
}

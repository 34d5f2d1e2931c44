package vn.ocop.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words that mean the same to a shopper (chè and trà, heo and lợn, cà phê and cafe), read from
 * {@code vn/ocop/catalog/text/synonyms.txt}: one group per line, comma-separated, {@code #} starts a comment, written
 * with diacritics. A group is found by any member typed with or without diacritics, spaced or joined ("ca phe",
 * "caphe"); typed with diacritics, only by a member written exactly so ("dừa" is coconut, not "dứa", pineapple).
 * Read once when the application starts (a bean of {@code TextConfiguration}), never on an event loop.
 */
public final class Synonyms {

    public static final Synonyms NONE = new Synonyms(List.of());

    /** The longest phrase, in words, that any member has. */
    private final int longest;
    private final Map<String, List<List<Term>>> groupsByKey = new HashMap<>();

    /**
     * One member of a group.
     *
     * @param lower  lower case with diacritics, words separated by one space ("cà phê")
     * @param folded the same folded ("ca phe")
     */
    public record Term(String lower, String folded) {

        public List<String> words() {
            return List.of(lower.split(" "));
        }

        public List<String> foldedWords() {
            return List.of(folded.split(" "));
        }

        public boolean isPhrase() {
            return lower.indexOf(' ') >= 0;
        }

        /** Written without diacritics ("cafe", "htx"): then the folded text is as exact as it gets. */
        public boolean plain() {
            return lower.equals(folded);
        }

        String joined() {
            return folded.replace(" ", "");
        }

        static Term of(String text) {
            String lower = String.join(" ", Folding.words(text));
            return new Term(lower, Folding.fold(lower));
        }
    }

    private Synonyms(List<List<Term>> groups) {
        int most = 1;
        for (List<Term> group : groups) {
            for (Term t : group) {
                most = Math.max(most, t.foldedWords().size());
                groupsByKey.computeIfAbsent(t.folded(), k -> new ArrayList<>()).add(group);
                if (t.isPhrase()) {
                    groupsByKey.computeIfAbsent(t.joined(), k -> new ArrayList<>()).add(group);
                }
            }
        }
        this.longest = most;
    }

    /** The project's file, from the classpath. */
    public static Synonyms load() {
        try (InputStream in = Synonyms.class.getResourceAsStream("text/synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("vn/ocop/catalog/text/synonyms.txt is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the synonyms", e);
        }
    }

    public static Synonyms parse(String text) {
        List<List<Term>> groups = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int hash = line.indexOf('#');
            String content = hash >= 0 ? line.substring(0, hash) : line;
            Set<Term> members = new LinkedHashSet<>();
            for (String member : content.split(",")) {
                Term t = Term.of(member);
                if (!t.lower().isEmpty()) {
                    members.add(t);
                }
            }
            if (members.size() > 1) {
                groups.add(List.copyOf(members));
            }
        }
        return new Synonyms(groups);
    }

    public int longest() {
        return longest;
    }

    /**
     * What else {@code typed} (one or more words, lower case, with whatever diacritics were typed) means: the other
     * members of every group one of whose members it is, spaced or joined. Typed with a diacritic, a member must
     * match it exactly, diacritics and all.
     */
    public List<Term> alternatives(List<String> typed) {
        if (typed.isEmpty()) {
            return List.of();
        }
        String lower = String.join(" ", typed);
        String folded = Folding.fold(lower);
        String joined = folded.replace(" ", "");
        boolean marked = !lower.equals(folded);
        Set<Term> out = new LinkedHashSet<>();
        for (String key : typed.size() > 1 ? List.of(folded, joined) : List.of(folded)) {
            for (List<Term> group : groupsByKey.getOrDefault(key, List.of())) {
                boolean found = group.stream().anyMatch(t -> same(t, lower, folded, joined, marked));
                if (found) {
                    group.stream().filter(t -> !t.folded().equals(folded)).forEach(out::add);
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean same(Term t, String lower, String folded, String joined, boolean marked) {
        if (marked) {
            return t.lower().equals(lower) || t.lower().replace(" ", "").equals(lower.replace(" ", ""));
        }
        return t.folded().equals(folded) || t.joined().equals(joined);
    }

    /**
     * {@code text} folded, then the same with each phrase that a group knows replaced by each of its other members,
     * at most {@code max} texts, the text itself first: what a substring finder looks for ("tra xanh" → "tra xanh",
     * "che xanh").
     */
    public List<String> variants(String text, int max) {
        String folded = Folding.fold(text == null ? "" : text).trim();
        List<String> words = Folding.words(text);
        List<List<String>> pieces = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            int taken = 1;
            List<String> options = List.of(Folding.fold(words.get(i)));
            for (int n = Math.min(longest, words.size() - i); n >= 1; n--) {
                List<Term> others = alternatives(words.subList(i, i + n));
                if (!others.isEmpty()) {
                    List<String> o = new ArrayList<>();
                    o.add(Folding.fold(String.join(" ", words.subList(i, i + n))));
                    others.forEach(t -> o.add(t.folded()));
                    options = o;
                    taken = n;
                    break;
                }
            }
            pieces.add(options);
            i += taken;
        }
        Set<String> out = new LinkedHashSet<>();
        if (!folded.isBlank()) {
            out.add(folded);
        }
        expand(pieces, 0, "", out, max);
        return List.copyOf(out).subList(0, Math.min(max, out.size()));
    }

    private static void expand(List<List<String>> pieces, int at, String sofar, Set<String> out, int max) {
        if (out.size() >= max) {
            return;
        }
        if (at == pieces.size()) {
            if (!sofar.isEmpty()) {
                out.add(sofar);
            }
            return;
        }
        for (String option : pieces.get(at)) {
            expand(pieces, at + 1, sofar.isEmpty() ? option : sofar + " " + option, out, max);
        }
    }
}

package vn.ocop.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.ocop.catalog.Folding;
import vn.ocop.catalog.Synonyms;

/**
 * What a shopper typed, read the way Vietnamese shoppers type: with or without diacritics, in Telex when the
 * keyboard's converter was off ("traf hoa vangf" for "trà hoa vàng"), with regional words and loanwords (the
 * catalog's synonyms: "chè" for "trà", "cafe" for "cà phê"), words joined or split ("hagiang", "ca phe"), and
 * "4 sao" meaning four OCOP stars rather than a word to match. Every word must be found (see {@link ProductQueries}).
 *
 * @param words   the words to find, in order
 * @param phrases runs of two or more words that also mean something together: a synonym ("ca phe" = "cafe") or,
 *                for two words, the two joined ("ca phe" = "caphe")
 */
public record QueryText(String original, String folded, String telex, Integer stars, List<Word> words, List<Phrase> phrases) {

    private static final Pattern STARS = Pattern.compile("(?:^|\\s)([345])\\s*(?:sao|★)(?=\\s|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOUBLED = Pattern.compile("(\\p{L})\\1+");

    /**
     * One word typed.
     *
     * @param typed    lower case, diacritics as typed
     * @param folded   without diacritics
     * @param telex    the word read as Telex ("vangf" → "vang", "mamm" → "mam"); {@code folded} when it reads the same
     * @param synonyms what else the word means
     */
    public record Word(String typed, String folded, String telex, List<Synonyms.Term> synonyms) {

        /**
         * Typos allowed, by the folded word's length: none up to 4 letters (a one-letter change turns "hoa" into "hop",
         * "sườn" into "sơn"), one from 5, two from 8 (only joined words and loanwords are that long).
         */
        public int fuzziness() {
            int n = folded.length();
            return n <= 4 ? 0 : n < 8 ? 1 : 2;
        }
    }

    /** Words {@code from} (inclusive) to {@code to} (exclusive) that also match as {@code joined} or as a synonym. */
    public record Phrase(int from, int to, String joined, List<Synonyms.Term> synonyms) {

        public boolean covers(int word) {
            return from <= word && word < to;
        }
    }

    public static QueryText of(String typed) {
        return of(typed, Synonyms.NONE);
    }

    public static QueryText of(String typed, Synonyms synonyms) {
        String text = typed == null ? "" : typed.trim();
        Integer stars = null;
        Matcher m = STARS.matcher(text);
        if (m.find()) {
            stars = Integer.parseInt(m.group(1));
            text = (text.substring(0, m.start()) + " " + text.substring(m.end())).trim();
        }
        List<Word> words = new ArrayList<>();
        for (String w : Folding.words(text)) {
            String folded = Folding.fold(w);
            String telex = untelexWord(folded);
            List<Synonyms.Term> same = synonyms.alternatives(List.of(w));
            if (same.isEmpty() && !telex.equals(folded)) {
                same = synonyms.alternatives(List.of(telex));
            }
            words.add(new Word(w, folded, telex, same));
        }
        String folded = words.stream().map(Word::folded).collect(Collectors.joining(" "));
        String telex = words.stream().map(Word::telex).collect(Collectors.joining(" "));
        return new QueryText(text, folded, telex, stars, List.copyOf(words), phrases(words, synonyms));
    }

    public boolean isBlank() {
        return words.isEmpty();
    }

    private static List<Phrase> phrases(List<Word> words, Synonyms synonyms) {
        List<Phrase> out = new ArrayList<>();
        for (int from = 0; from < words.size(); from++) {
            for (int to = from + 2; to <= Math.min(words.size(), from + Math.max(2, synonyms.longest())); to++) {
                List<Word> run = words.subList(from, to);
                List<Synonyms.Term> same = synonyms.alternatives(run.stream().map(Word::typed).toList());
                String joined = to - from == 2 ? run.get(0).folded() + run.get(1).folded() : null;
                if (!same.isEmpty() || joined != null) {
                    out.add(new Phrase(from, to, joined, same));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Telex without the converter: doubled vowels and dd stand for â ê ô đ, aw ow uw for ă ơ ư, a final s f r x j is a tone. */
    static String untelex(String folded) {
        return java.util.Arrays.stream(folded.split("\\s+")).map(QueryText::untelexWord).collect(Collectors.joining(" "));
    }

    /**
     * No Vietnamese syllable ends in s, f, r, x or j: at the end of a word they are Telex tone keys. No Vietnamese
     * word has a letter twice in a row either, so a doubled letter that is no Telex key is a key held too long.
     */
    private static String untelexWord(String w) {
        if (w.length() < 3 || !w.chars().allMatch(Character::isLetter)) {
            return w;
        }
        String s = w.replace("dd", "d").replace("aa", "a").replace("ee", "e").replace("oo", "o")
                .replace("aw", "a").replace("ow", "o").replace("uw", "u");
        s = DOUBLED.matcher(s).replaceAll("$1");
        return "sfrxj".indexOf(s.charAt(s.length() - 1)) >= 0 && s.length() > 2 ? s.substring(0, s.length() - 1) : s;
    }
}

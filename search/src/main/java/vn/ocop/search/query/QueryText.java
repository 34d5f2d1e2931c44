package vn.ocop.search.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.ocop.search.TextFolding;

/**
 * What a shopper typed, read the way Vietnamese shoppers type: with or without diacritics, in Telex when
 * the keyboard's converter was off ("traf hoa vangf" for "trà hoa vàng"), with loanwords ("cafe"), and
 * "4 sao" meaning four OCOP stars rather than a word to match.
 */
public record QueryText(String original, String folded, String telex, Integer stars) {

    private static final Pattern STARS = Pattern.compile("(?:^|\\s)([345])\\s*(?:sao|★)(?=\\s|$)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> LOANWORDS = Map.of("cafe", "ca phe", "coffee", "ca phe", "tea", "tra");

    public static QueryText of(String typed) {
        String text = typed == null ? "" : typed.trim();
        Integer stars = null;
        Matcher m = STARS.matcher(text);
        if (m.find()) {
            stars = Integer.parseInt(m.group(1));
            text = (text.substring(0, m.start()) + " " + text.substring(m.end())).trim();
        }
        String folded = loanwords(TextFolding.fold(text));
        return new QueryText(text, folded, loanwords(untelex(folded)), stars);
    }

    public boolean isBlank() {
        return folded.isBlank();
    }

    /** Telex without the converter: doubled vowels and dd stand for â ê ô đ, aw ow uw for ă ơ ư, a final s f r x j is a tone. */
    static String untelex(String folded) {
        return Arrays.stream(folded.split("\\s+")).map(QueryText::untelexWord).collect(Collectors.joining(" "));
    }

    /** No Vietnamese syllable ends in s, f, r, x or j: at the end of a word they are Telex tone keys. */
    private static String untelexWord(String w) {
        if (w.length() < 3 || !w.chars().allMatch(Character::isLetter)) {
            return w;
        }
        String s = w.replace("dd", "d").replace("aa", "a").replace("ee", "e").replace("oo", "o")
                .replace("aw", "a").replace("ow", "o").replace("uw", "u");
        return "sfrxj".indexOf(s.charAt(s.length() - 1)) >= 0 ? s.substring(0, s.length() - 1) : s;
    }

    private static String loanwords(String folded) {
        return Arrays.stream(folded.toLowerCase(Locale.ROOT).split("\\s+"))
                .map(w -> LOANWORDS.getOrDefault(w, w)).collect(Collectors.joining(" ")).trim();
    }
}

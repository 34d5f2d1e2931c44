package vn.ocop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@link Folding#fold} folds in one pass for speed (search folds every word of every hit it highlights); it must
 * still be exactly its definition: NFD, every combining mark (\p{M}) dropped, đ/Đ → d/D, lower case.
 */
class FoldingProperties {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** The definition, as a regular expression. */
    private static String definition(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }

    /** Vietnamese letters composed and decomposed, marks alone, punctuation, digits, other scripts and emoji. */
    private static final String[] PIECES = {"a", "Ă", "ấ", "ệ", "Ơ", "ữ", "đ", "Đ", "ỳ", "\u0301", "\u0323", "\u20DD", "\u0903",
        "e\u0302\u0301", " ", "-", "(", "7", "Ⅻ", "ß", "İ", "漢", "😀", "𝛼", "\uD834\uDD65", "ﬁ", "ǅ", "Σ", "ς", "Ω", "ΐ", "ŉ", "ǰ", "\u1E9E", "\u0345", "\u0344"};

    private static Gen<String> texts() {
        return lists().of(integers().between(0, PIECES.length - 1)).ofSizeBetween(0, 12)
                .map(ix -> ix.stream().map(i -> PIECES[i]).reduce("", String::concat));
    }

    @Test
    void foldIsItsDefinitionForAnyText() {
        qt().forAll(texts()).checkAssert(t -> assertThat(Folding.fold(t)).isEqualTo(definition(t)));
    }

    @Test
    void everyCharOfTheFastBlocksFoldsAsItsDefinitionBetweenOthers() {
        for (char c = 0; c < 0x1F00; c++) {
            if (c <= 0x024F || (c >= 0x0300 && c <= 0x036F) || c >= 0x1E00) {
                String t = "Ấ" + c + "e\u0301" + c + "đ";
                assertThat(Folding.fold(t)).as("U+%04X", (int) c).isEqualTo(definition(t));
            }
        }
    }

    @Test
    void vietnameseFoldsToPlainLetters() {
        assertThat(Folding.fold("Bí xanh thơm Ba Bể")).isEqualTo("bi xanh thom ba be");
        assertThat(Folding.fold("ĐẶC SẢN Điện Biên")).isEqualTo("dac san dien bien");
    }
}

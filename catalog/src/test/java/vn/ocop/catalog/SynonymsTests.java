package vn.ocop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymsTests {

    private final Synonyms synonyms = Synonyms.parse("""
            # drinks
            chè, trà, tea
            cà phê, cafe, coffee   # loanwords
            khóm, dứa, thơm
            hợp tác xã, htx
            lonely
            """);

    @Test
    void aWordTypedWithoutDiacriticsOpensItsGroup() {
        assertThat(lowers(synonyms.alternatives(List.of("tra")))).containsExactly("chè", "tea");
        assertThat(lowers(synonyms.alternatives(List.of("che")))).containsExactly("trà", "tea");
    }

    @Test
    void typedWithDiacriticsOnlyTheWordWrittenSoOpensIt() {
        assertThat(lowers(synonyms.alternatives(List.of("dứa")))).containsExactly("khóm", "thơm");
        assertThat(synonyms.alternatives(List.of("dừa"))).as("coconut is not pineapple").isEmpty();
        assertThat(synonyms.alternatives(List.of("chế"))).isEmpty();
    }

    @Test
    void phrasesAreFoundSpacedOrJoined() {
        assertThat(lowers(synonyms.alternatives(List.of("ca", "phe")))).containsExactly("cafe", "coffee");
        assertThat(lowers(synonyms.alternatives(List.of("caphe")))).containsExactly("cà phê", "cafe", "coffee");
        assertThat(lowers(synonyms.alternatives(List.of("cafe")))).containsExactly("cà phê", "coffee");
        assertThat(synonyms.alternatives(List.of("cafe")).get(0).isPhrase()).isTrue();
        assertThat(synonyms.longest()).isEqualTo(3);
    }

    @Test
    void commentsAndSingleWordLinesAreNoGroups() {
        assertThat(synonyms.alternatives(List.of("lonely"))).isEmpty();
        assertThat(synonyms.alternatives(List.of("drinks"))).isEmpty();
    }

    @Test
    void variantsRewriteEachKnownPhraseFoldedTheTextItselfFirst() {
        assertThat(synonyms.variants("HTX Trà xanh", 16)).containsExactly(
                "htx tra xanh", "htx che xanh", "htx tea xanh", "hop tac xa tra xanh", "hop tac xa che xanh", "hop tac xa tea xanh");
        assertThat(synonyms.variants("Krông", 16)).containsExactly("krong");
        assertThat(synonyms.variants("trà trà trà", 4)).hasSize(4).first().isEqualTo("tra tra tra");
        assertThat(synonyms.variants(" ... ", 4)).containsExactly("...");
    }

    @Test
    void theProjectFileLoads() {
        Synonyms file = Synonyms.load();
        assertThat(lowers(file.alternatives(List.of("heo")))).contains("lợn");
        assertThat(lowers(file.alternatives(List.of("vung")))).contains("mè");
        assertThat(lowers(file.alternatives(List.of("ngo")))).contains("bắp");
        assertThat(lowers(file.alternatives(List.of("homestay")))).contains("du lịch cộng đồng");
    }

    private static List<String> lowers(List<Synonyms.Term> terms) {
        return terms.stream().map(Synonyms.Term::lower).toList();
    }
}

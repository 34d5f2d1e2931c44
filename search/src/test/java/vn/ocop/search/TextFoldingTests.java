package vn.ocop.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.ocop.catalog.Synonyms;
import vn.ocop.search.query.QueryText;

class TextFoldingTests {

    @Test
    void vietnameseIsFoldedToPlainLowerCaseLetters() {
        assertThat(TextFolding.fold("Bí xanh thơm Ba Bể")).isEqualTo("bi xanh thom ba be");
        assertThat(TextFolding.fold("Đậu xanh Điện Biên")).isEqualTo("dau xanh dien bien");
        assertThat(TextFolding.fold("NƯỚC MẮM Phú Quốc")).isEqualTo("nuoc mam phu quoc");
    }

    @Test
    void composedAndDecomposedInputFoldAlike() {
        String decomposed = java.text.Normalizer.normalize("Mật ong", java.text.Normalizer.Form.NFD);
        assertThat(TextFolding.fold(decomposed)).isEqualTo(TextFolding.fold("Mật ong")).isEqualTo("mat ong");
    }

    @Test
    void telexTypedWithTheConverterOffIsReadAsVietnamese() {
        assertThat(QueryText.of("traf hoa vangf").telex()).isEqualTo("tra hoa vang");
        assertThat(QueryText.of("caf phee bichs thao").telex()).isEqualTo("ca phe bich thao");
        assertThat(QueryText.of("ddaauj xanh").telex()).isEqualTo("dau xanh");
    }

    @Test
    void aNumberOfStarsIsAFilterNotAWord() {
        QueryText q = QueryText.of("nuoc mam 4 sao");
        assertThat(q.stars()).isEqualTo(4);
        assertThat(q.folded()).isEqualTo("nuoc mam");
        assertThat(QueryText.of("yen sao xu thanh").stars()).isNull();
    }

    @Test
    void loanwordsMeanTheirVietnameseWordsThroughTheSynonymsFile() {
        QueryText q = QueryText.of("cafe son la", Synonyms.load());
        assertThat(q.words().get(0).synonyms()).extracting(Synonyms.Term::lower).contains("cà phê", "coffee");
        assertThat(q.words().get(1).synonyms()).isEmpty();
    }

    @Test
    void wordsTypedApartAlsoMeanTheirJoinAndItsSynonyms() {
        QueryText q = QueryText.of("ca phe muoi", Synonyms.load());
        assertThat(q.phrases()).filteredOn(p -> p.from() == 0 && p.to() == 2).singleElement()
                .satisfies(p -> {
                    assertThat(p.joined()).isEqualTo("caphe");
                    assertThat(p.synonyms()).extracting(Synonyms.Term::lower).contains("cafe", "coffee");
                });
        assertThat(q.phrases()).filteredOn(p -> p.from() == 1).singleElement().extracting(QueryText.Phrase::joined).isEqualTo("phemuoi");
    }

    @Test
    void typosAreAllowedByTheFoldedWordsLength() {
        assertThat(QueryText.of("hoa sườn mật").words()).allMatch(w -> w.fuzziness() == 0);
        assertThat(QueryText.of("khoang").words().get(0).fuzziness()).isEqualTo(1);
        assertThat(QueryText.of("traphaco").words().get(0).fuzziness()).isEqualTo(2);
    }

    @Test
    void aKeyHeldTooLongIsReadOnce() {
        assertThat(QueryText.of("nuoc mamm").telex()).isEqualTo("nuoc mam");
    }
}

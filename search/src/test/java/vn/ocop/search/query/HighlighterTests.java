package vn.ocop.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HighlighterTests {

    @Test
    void marksTheWordsTypedWithOrWithoutDiacritics() {
        assertThat(Highlighter.of(QueryText.of("bi xanh")).mark("Bí xanh thơm Ba Bể"))
                .isEqualTo("<mark>Bí</mark> <mark>xanh</mark> thơm Ba Bể");
        assertThat(Highlighter.of(QueryText.of("Mật ong")).mark("Mật ong rừng U Minh"))
                .isEqualTo("<mark>Mật</mark> <mark>ong</mark> rừng U Minh");
    }

    @Test
    void marksTelexAndPrefixesOfThreeLettersOrMore() {
        assertThat(Highlighter.of(QueryText.of("traf hoa")).mark("Trà hoa vàng")).isEqualTo("<mark>Trà</mark> <mark>hoa</mark> vàng");
        assertThat(Highlighter.of(QueryText.of("nuoc mam")).mark("Nước mắm Phú Quốc")).isEqualTo("<mark>Nước</mark> <mark>mắm</mark> Phú Quốc");
        assertThat(Highlighter.of(QueryText.of("gao st")).mark("Gạo ST25")).isEqualTo("<mark>Gạo</mark> ST25");
        assertThat(Highlighter.of(QueryText.of("gao st2")).mark("Gạo ST25 (5kg)")).isEqualTo("<mark>Gạo</mark> <mark>ST25</mark> (5kg)");
    }

    @Test
    void escapesEverythingElse() {
        assertThat(Highlighter.of(QueryText.of("ruou")).mark("Rượu <nếp> & \"cẩm\" 'Tây'"))
                .isEqualTo("<mark>Rượu</mark> &lt;nếp&gt; &amp; &quot;cẩm&quot; &#39;Tây&#39;");
        assertThat(Highlighter.of(QueryText.of("")).mark("A <b>")).isEqualTo("A &lt;b&gt;");
    }
}

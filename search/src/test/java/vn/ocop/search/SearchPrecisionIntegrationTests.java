package vn.ocop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.demo.DemoCatalog;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductStatus;
import vn.ocop.catalog.testing.CatalogFixtures;
import vn.ocop.search.index.Indexer;

/**
 * Every word must match (issue 16): the real index over the demo catalog, every ranking valid, plus one product
 * whose name says "Cafe" and nowhere "cà phê".
 */
@SearchTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPrecisionIntegrationTests {

    @Autowired
    ProductSearch search;

    @BeforeAll
    void index(@Autowired DemoCatalog demo, @Autowired Catalog catalog, @Autowired Indexer indexer, @Autowired DatabaseClient db) {
        DemoIndex.load(demo, catalog, indexer);
        CatalogFixtures fixtures = new CatalogFixtures(db);
        ProducerId producer = fixtures.producerIn("Hộ kinh doanh Ba Lá", "Đắk Lắk").block();
        ProductId cafe = fixtures.product(producer, "Cafe muối Ba Lá", ProductStatus.ACTIVE).block();
        fixtures.ranking(cafe, 3, catalog.today().minusYears(1), catalog.today().plusYears(1)).block();
        DemoIndex.makeEveryRankingValid(db, catalog, indexer);
    }

    @Test
    void theLastWordIsAlsoAPrefixInResultsAndSuggestionsAlike() {
        assertThat(names("nuoc ma")).contains("Nước mắm hạ thổ").hasSizeGreaterThan(10);
        assertThat(names("nuoc ma").subList(0, 10)).as("Nước mắm…, Nước màu… first").allMatch(n -> folded(n).startsWith("nuoc ma"));
        assertThat(names("mat on")).hasSize(13).allMatch(n -> folded(n).contains("mat ong"));
        assertThat(suggestions("nuoc ma")).isNotEmpty().allMatch(n -> folded(n).startsWith("nuoc ma"));
        assertThat(suggestions("mat on")).hasSize(8).allMatch(n -> folded(n).contains("mat ong"));
        assertThat(names("mat on")).containsAll(suggestions("mat on"));
    }

    @Test
    void aWordTypedJoinedFindsTheWordsWrittenApart() {
        SearchResult haGiang = result("hagiang");
        assertThat(haGiang.total()).isEqualTo(6);
        assertThat(haGiang.hits()).allMatch(h -> "Hà Giang".equals(h.formerProvince()));
        assertThat(names("caphe")).contains("Cà phê Chư Mui", "Cà phê Bích Thao Sơn La", "Cafe muối Ba Lá");
        assertThat(names("mangcau")).containsExactlyInAnyOrder("Mãng cầu hoàng hậu", "Trà trái mãng cầu xiêm Vĩnh Phát");
        assertThat(names("mat ong hagiang")).containsExactlyInAnyOrder("Mật ong Bạc hà Tuấn Dũng", "Mật ong Bạc hà");
    }

    @Test
    void wordsTypedApartFindTheirJoinedFormAndItsSynonyms() {
        assertThat(names("ca phe muoi")).containsExactly("Cafe muối Ba Lá");
        assertThat(names("caphe muoi")).containsExactly("Cafe muối Ba Lá");
        assertThat(names("coffee muoi")).containsExactly("Cafe muối Ba Lá");
    }

    @Test
    void synonymsAndRegionalWordsFindEachOther() {
        assertThat(names("thit heo")).isNotEmpty().contains("Thịt lợn hương").allMatch(n -> n.contains("lợn"));
        assertThat(names("dau vung")).containsExactlyInAnyOrder("Dầu mè vàng", "Dầu mè đen");
        assertThat(names("ruou bap")).containsExactly("Rượu ngô Chí Sán");
        assertThat(names("keo khom")).contains("Kẹo dừa sáp lá dứa", "Kẹo dừa sầu riêng lá dứa", "Kẹo bánh tráng dừa dứa non");
        assertThat(names("lap suon")).containsExactlyInAnyOrder("Lạp sườn", "Lạp sườn", "Lạp xưởng Mỹ Yến", "Lạp xưởng cá thát lát");
        assertThat(names("homestay")).contains("Homestay Quỳnh Mai", "Khu Du lịch sinh thái Trung Kiên");
    }

    @Test
    void aTypoInAShortWordIsRefused() {
        // "hoa" one letter from "hop" (Hợp tác xã) once found all 244 products; "suon" is one from "son", "lap" from "lang"
        assertThat(result("hoa").hits()).allMatch(h -> wordsOf(h).stream().anyMatch(w -> w.startsWith("hoa")));
        assertThat(result("hoa").total()).isLessThanOrEqualTo(75);
        assertThat(names("lap suon")).allMatch(n -> n.startsWith("Lạp"));
        assertThat(names("mat ong")).noneMatch(n -> n.startsWith("Bánh ống"));
        assertThat(result("krong").total()).isZero();
    }

    @Test
    void aTypoInALongWordIsForgiven() {
        assertThat(names("trapaco")).contains("Cao mềm actiso Sa Pa", "Trà phun sương actiso Sa Pa");
        assertThat(names("nuoc khaong quang hanh")).first().asString().startsWith("Nước khoáng");
        assertThat(names("nuoc mamm")).first().asString().startsWith("Nước mắm");
    }

    @Test
    void whenNoProductHasEveryWordTheClosestAreShownMarkedPartial() {
        SearchResult strict = result("mat ong ha giang");
        assertThat(strict.partial()).isFalse();
        SearchResult closest = result("mat ong lang son ha giang");
        assertThat(closest.partial()).isTrue();
        assertThat(closest.hits()).extracting(SearchResult.Hit::name).contains("Mật ong Bạc hà Tuấn Dũng", "Mật ong hương rừng Xứ Lạng");
        assertThat(closest.hits().subList(0, 5)).allMatch(h -> folded(h.name()).contains("mat ong"));
    }

    @Test
    void theTotalCountsTheProductsWithEveryWordAndNothingMore() {
        List<SearchResult.Hit> all = everything();
        assertThat(result("mat ong").total()).isEqualTo(all.stream().filter(having("mat", "ong")).count()).isEqualTo(13);
        assertThat(result("nuoc mam").total()).isEqualTo(all.stream().filter(having("nuoc", "mam")).count());
        assertThat(result("lap suon").total()).isEqualTo(all.stream().filter(having("lap", "suon").or(having("lap", "xuong"))).count()).isEqualTo(4);
        SearchResult fishSauce = result("nuoc mam");
        assertThat(fishSauce.facets().groups().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(fishSauce.total());
    }

    private List<SearchResult.Hit> everything() {
        List<SearchResult.Hit> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var r = search.search(new SearchRequest("", null, null, null, null, null, null, SearchRequest.Sort.NEWEST, page, 100)).block();
            all.addAll(r.hits());
            if (r.hits().size() < 100) {
                return all;
            }
        }
    }

    private static Predicate<SearchResult.Hit> having(String... words) {
        return h -> List.of(words).stream().allMatch(wordsOf(h)::contains);
    }

    private static List<String> wordsOf(SearchResult.Hit h) {
        List<String> out = new ArrayList<>();
        for (String field : new String[] {h.name(), h.producer(), h.province(), h.formerProvince()}) {
            out.addAll(SharedWords.words(field));
        }
        return out;
    }

    private static String folded(String name) {
        return String.join(" ", SharedWords.words(name));
    }

    private List<String> names(String q) {
        return result(q).hits().stream().map(SearchResult.Hit::name).toList();
    }

    private List<String> suggestions(String typed) {
        Suggestions s = search.suggest(typed).block(Duration.ofSeconds(10));
        assertThat(s.degraded()).isFalse();
        return s.names();
    }

    private SearchResult result(String q) {
        SearchResult r = search.search(new SearchRequest(q, null, null, null, null, null, null, SearchRequest.Sort.RELEVANCE, 0, 100))
                .block(Duration.ofSeconds(10));
        assertThat(r.degraded()).isFalse();
        return r;
    }
}

package vn.ocop.storefront.web.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.search.PriceRange;
import vn.ocop.search.SearchRequest;
import vn.ocop.storefront.SearchIndexReady;
import vn.ocop.storefront.StorefrontTest;

/** The search page's facets and filters as a shopper uses them: links, the filters in force, both languages, paging past the end. */
@StorefrontTest
class SearchPageTests {

    static final Locale VI = Locale.forLanguageTag("vi");

    @Autowired
    WebTestClient web;
    @Autowired
    CatalogChanges changes;
    @Autowired
    MessageSource messages;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void indexed() {
        SearchIndexReady.drained(changes);
    }

    @Test
    void everyFacetLabelIsWordedInBothLanguages() {
        for (Locale locale : List.of(VI, Locale.ENGLISH)) {
            Map<String, String> chipByPage = new LinkedHashMap<>();
            for (OcopGroup group : OcopGroup.values()) {
                chipByPage.put("/search?group=" + group.name(), text("group." + group.name(), locale));
            }
            for (int stars = 3; stars <= 5; stars++) {
                chipByPage.put("/search?stars=" + stars, text("search.stars.n", locale, stars));
            }
            for (PriceRange range : PriceRange.values()) {
                chipByPage.put("/search?" + bound("minPrice", range.minPrice()) + bound("maxPrice", range.maxPrice()),
                        text("search.price." + range.id(), locale));
            }
            for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
                if (sort != SearchRequest.Sort.RELEVANCE) {
                    chipByPage.put("/search?sort=" + sort.name(), text("search.sort." + sort.name(), locale));
                }
            }
            chipByPage.put("/search?minPrice=120000&maxPrice=1500000", locale == VI ? "120.000 – 1.500.000 ₫" : "120,000 – 1,500,000 ₫");
            chipByPage.put("/search?minPrice=120000", text("search.price.at-least", locale, 120_000L));
            chipByPage.put("/search?maxPrice=180000", text("search.price.up-to", locale, 180_000L));
            chipByPage.put("/search?availableAt=00000000-0000-0000-0000-000000000001", text("search.available-at.chosen", locale));
            chipByPage.put("/search?province=Huế", "Huế");
            chipByPage.put("/search?inStock=true", text("stock.filter.in-stock", locale));
            chipByPage.forEach((uri, label) -> assertThat(page(uri, locale)).as(uri + " in " + locale)
                    .contains("<span>" + label + "</span> <span aria-hidden=\"true\">×</span>"));
            String all = page("/search?sort=PRICE_ASC", locale); // every sort is an option of the select, whatever is chosen
            for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
                assertThat(all).contains(">" + text("search.sort." + sort.name(), locale) + "</option>");
            }
            for (PriceRange range : PriceRange.values()) {
                String chosen = page("/search?" + bound("minPrice", range.minPrice()) + bound("maxPrice", range.maxPrice()), locale);
                assertThat(anchor(chosen, "aria-current=\"true\"")).as("the chosen range is marked in its facet")
                        .anyMatch(a -> a.contains(">" + text("search.price." + range.id(), locale) + " ("));
            }
        }
    }

    @Test
    void everyLabelKeyHasItsOwnEnglish() {
        List<String> keys = new ArrayList<>(List.of("search.filters", "search.filters.active", "search.available-at.chosen",
                "search.price.min", "search.price.max", "search.price.apply", "search.price.invalid", "search.page.last",
                "search.input.label", "search.suggestions.label", "search.clear", "search.stars", "search.price", "search.available-at"));
        for (PriceRange range : PriceRange.values()) {
            keys.add("search.price." + range.id());
        }
        for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
            keys.add("search.sort." + sort.name());
        }
        for (OcopGroup group : OcopGroup.values()) {
            keys.add("group." + group.name());
        }
        for (String key : keys) {
            assertThat(text(key, Locale.ENGLISH)).as(key).isNotEqualTo(text(key, VI)).doesNotContain("??");
        }
        assertThat(text("search.suggestions.count", VI, 8)).isEqualTo("8 gợi ý");
        assertThat(text("search.suggestions.count", Locale.ENGLISH, 1)).isEqualTo("1 suggestion");
        assertThat(text("search.price.between", VI, 120_000L, 1_500_000L)).isEqualTo("120.000 – 1.500.000 ₫");
    }

    @Test
    void priceRangesAreLinksThatFindWhatTheyCount() {
        JsonNode food = api("/api/v1/products?group=FOOD&size=1");
        JsonNode ranges = food.get("facets").get("priceRanges");
        assertThat(ranges).hasSize(PriceRange.values().length);
        String html = page("/search?group=FOOD", VI);
        for (JsonNode range : ranges) {
            String link = "/search?group=FOOD" + bound("minPrice", range.get("minPrice")) + bound("maxPrice", range.get("maxPrice"));
            long count = range.get("count").asLong();
            if (count > 0) {
                assertThat(html).contains("href=\"" + HtmlUtils.htmlEscape(link) + "\"");
            }
            assertThat(api("/api/v1/products?size=1&" + link.substring("/search?".length())).get("total").asLong())
                    .as(range.get("range").asString()).isEqualTo(count);
        }
        String chosen = page("/search?group=FOOD&minPrice=100000&maxPrice=199999", VI);
        assertThat(anchor(chosen, "aria-current=\"true\"")).anyMatch(a -> a.endsWith(">100.000 – 200.000 ₫ (" + ranges.get(1).get("count").asLong() + ")"));
        assertThat(chosen).as("the other ranges stay, counted under the group filter")
                .contains("href=\"/search?group=FOOD&amp;maxPrice=99999\">Dưới 100.000 ₫ (" + ranges.get(0).get("count").asLong() + ")");
    }

    @Test
    void eachFilterInForceIsRemovedAloneKeepingTheTextAndTheOthers() {
        String html = page("/search?q=mat ong&group=FOOD&province=Hà Giang&stars=4&minPrice=100000&maxPrice=199999&inStock=true&sort=PRICE_ASC", VI);
        String base = "/search?q=mat%20ong";
        String province = "&province=H%C3%A0%20Giang";
        Map<String, String> removing = new LinkedHashMap<>();
        removing.put("group", base + province + "&stars=4&minPrice=100000&maxPrice=199999&inStock=true&sort=PRICE_ASC");
        removing.put("province", base + "&group=FOOD&stars=4&minPrice=100000&maxPrice=199999&inStock=true&sort=PRICE_ASC");
        removing.put("stars", base + "&group=FOOD" + province + "&minPrice=100000&maxPrice=199999&inStock=true&sort=PRICE_ASC");
        removing.put("price", base + "&group=FOOD" + province + "&stars=4&inStock=true&sort=PRICE_ASC");
        removing.put("inStock", base + "&group=FOOD" + province + "&stars=4&minPrice=100000&maxPrice=199999&sort=PRICE_ASC");
        removing.put("sort", base + "&group=FOOD" + province + "&stars=4&minPrice=100000&maxPrice=199999&inStock=true");
        removing.forEach((filter, without) -> assertThat(anchor(html, "data-filter=\"" + filter + "\"", chip(without))).as(filter).hasSize(1));
        assertThat(anchor(html, "class=\"clear\"", chip(base))).hasSize(1);
        assertThat(html).contains("aria-label=\"Bỏ lọc: Còn hàng\"", "aria-label=\"Bỏ lọc: Hà Giang\"", "aria-label=\"Bỏ lọc: 4 sao\"", "aria-label=\"Bỏ lọc: Thực phẩm\"",
                "aria-label=\"Bỏ lọc: Giá tăng dần\"");
        assertThat(anchor(html, "aria-current=\"true\"", "class=\"on\"", chip(removing.get("group"))))
                .as("the chosen group is marked in its facet, and its link takes the choice back")
                .singleElement().asString().containsPattern(">Thực phẩm \\(\\d+\\)$");
        assertThat(page("/search?q=mat ong", VI)).doesNotContain("class=\"active-filters\"");
    }

    @Test
    void starsTypedInTheQueryBecomeTheStarsFilterShownAndRemovable() {
        web.get().uri("/search?q=mat ong 4 sao&group=FOOD").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().valueEquals("Location", "/search?q=mat%20ong&group=FOOD&stars=4");
        String html = page("/search?q=mat ong&group=FOOD&stars=4", VI);
        assertThat(anchor(html, "data-filter=\"stars\"", chip("/search?q=mat%20ong&group=FOOD"))).hasSize(1);
        assertThat(html).contains("aria-label=\"Bỏ lọc: 4 sao\"");
        // a stars filter already chosen wins; the words stay as typed
        web.get().uri("/search?q=mat ong 4 sao&stars=5").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
    }

    @Test
    void aPriceThatCannotBeReadIsSaidOnTheForm() {
        for (String uri : List.of("/search?minPrice=abc", "/search?minPrice=500000&maxPrice=1000", "/search?maxPrice=-5")) {
            assertThat(page(uri, VI)).as(uri).contains("Không đọc được khoảng giá", "aria-invalid=\"true\"");
        }
        assertThat(page("/search?minPrice=100.000&maxPrice=", VI)).as("separators are read").contains("data-filter=\"price\"", "Từ 100.000 ₫");
        web.get().uri("/api/v1/products?minPrice=500000&maxPrice=1000").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("minPrice must not be above maxPrice.");
        web.get().uri("/api/v1/products?minPrice=abc").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aPagePastTheLastIsAnEmptyPageThatLinksBackNotTheFallback() {
        long total = api("/api/v1/products?size=24").get("total").asLong();
        JsonNode past = api("/api/v1/products?size=24&page=999");
        assertThat(past.get("items")).isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(total);
        assertThat(past.get("degraded").asBoolean()).isFalse();
        assertThat(past.get("facets").get("groups").size()).isPositive();
        assertThat(api("/api/v1/products?size=100&page=10000&q=mat ong").get("degraded").asBoolean()).isFalse();

        long last = (total - 1) / 24;
        String html = page("/search?page=999", VI);
        assertThat(html).doesNotContain("chế độ dự phòng", "class=\"product\"")
                .contains("Trang 1.000 không có sản phẩm", "href=\"/search?page=" + last + "\"", total + " sản phẩm đang bán");
        assertThat(page("/search?page=" + last, VI)).contains("class=\"product\"", "rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    private String page(String uri, Locale locale) {
        // the shop ignores Accept-Language (Vietnamese unless asked): ask with ?lang=
        String html = web.get().uri(uri + (uri.contains("?") ? "&" : "?") + "lang=" + locale.getLanguage()).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).as(uri + " in " + locale).doesNotContain("??").doesNotContain("chế độ dự phòng", "fallback mode");
        return html;
    }

    private JsonNode api(String uri) {
        return json.readTree(web.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String bound(String name, JsonNode value) {
        return value == null || value.isNull() ? "" : "&" + name + "=" + value.asLong();
    }

    private static String bound(String name, Long value) {
        return value == null ? "" : "&" + name + "=" + value;
    }

    /** Every link of the page whose opening tag holds all those attributes (in any order), with its text. */
    private static List<String> anchor(String html, String... attributes) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<a\\s([^>]*)>([^<]*)").matcher(html);
        while (m.find()) {
            String tag = m.group(1).replaceAll("\\s+", " ");
            if (Arrays.stream(attributes).allMatch(tag::contains)) {
                found.add(tag + ">" + m.group(2));
            }
        }
        return found;
    }

    private static String chip(String url) {
        return "href=\"" + HtmlUtils.htmlEscape(url) + "\"";
    }
}

package vn.ocop.storefront.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;
import reactor.netty.http.client.HttpClient;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.storefront.SearchIndexReady;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.producer.SignedIn;

/**
 * What a shop on the web is expected to have: robots.txt, a sitemap of what is on sale, a product link that shows its
 * name, price and picture when shared, compressed answers, static files cached by their content hash, a favicon, the
 * search filters in a drawer on a phone, and ADMIN's page of the search index.
 */
@StorefrontTest
class WebBasicsTests {

    static final String PASSWORD = "ocop-demo-2026";
    static final String REVOKED = "Mật ong rừng sữa ong chúa"; // on sale until its ranking is revoked below
    static final String EXPIRED = "Mật ong nhân sâm";          // 1066/QĐ-UBND of 2023-03-28: expired 2026-03-28

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    CatalogChanges changes;
    @LocalServerPort
    int port;

    @Test
    void robotsKeepCrawlersOutOfAccountWorkAndApiPagesAndNameTheSitemap() {
        String robots = web.get().uri("/robots.txt").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(robots).startsWith("User-agent: *\n")
                .contains("Disallow: /account\n", "Disallow: /admin\n", "Disallow: /producer/\n", "Disallow: /producer$\n",
                        "Disallow: /staff\n", "Disallow: /council\n", "Disallow: /cart\n", "Disallow: /checkout\n",
                        "Disallow: /orders\n", "Disallow: /api/\n")
                .doesNotContain("Disallow: /products", "Disallow: /producers")
                .containsPattern("\nSitemap: http://localhost:\\d+/sitemap\\.xml\n");
    }

    @Test
    void sitemapListsEveryProductOnSaleAndNoneWhoseRankingIsRevokedOrExpired() {
        UUID revoked = productId(REVOKED);
        UUID ranking = db.sql("select c.id from certification c join product p on p.id = c.product_id where p.name = :n")
                .bind("n", REVOKED).map((r, m) -> r.get("id", UUID.class)).first().block();
        assertThat(sitemap()).contains("/products/" + revoked + "</loc>");
        web.post().uri("/api/v1/council/certifications/{id}/revoke", ranking)
                .headers(h -> h.setBasicAuth("council@demo.ocop.vn", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"Mẫu kiểm tra không đạt chỉ tiêu vi sinh\"}")
                .exchange().expectStatus().isOk();

        String sitemap = sitemap();
        assertThat(sitemap).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
                .endsWith("</urlset>\n")
                .containsPattern("<url><loc>http://localhost:\\d+/</loc></url>")
                .containsPattern("<url><loc>http://localhost:\\d+/products</loc></url>")
                .containsPattern("<url><loc>http://localhost:\\d+/live</loc></url>")
                .doesNotContain(revoked.toString(), productId(EXPIRED).toString());
        var products = Pattern.compile("<url><loc>http://localhost:\\d+/products/([0-9a-f-]{36})</loc><lastmod>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ</lastmod></url>")
                .matcher(sitemap).results().map(m -> UUID.fromString(m.group(1))).toList();
        assertThat(products).containsExactlyInAnyOrderElementsOf(db.sql("select product_id from sellable_ranking((now() at time zone 'Asia/Ho_Chi_Minh')::date)")
                .map((r, m) -> r.get("product_id", UUID.class)).all().collectList().block());
    }

    @Test
    void aSharedProductLinkShowsItsNamePriceProducerAndPicture() {
        UUID id = productId("Trà hoa vàng Ba Chẽ");
        String html = HtmlUtils.htmlUnescape(web.get().uri("/products/{id}", id).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        String price = db.sql("select price_vnd from product where id = :id").bind("id", id)
                .map((r, m) -> String.format(java.util.Locale.ROOT, "%,d ₫", r.get("price_vnd", Long.class)).replace(',', '.')).one().block();
        String producer = db.sql("select pr.name from product p join producer pr on pr.id = p.producer_id where p.id = :id").bind("id", id)
                .map((r, m) -> r.get("name", String.class)).one().block();
        String url = "http://localhost:\\d+/products/" + id;
        assertThat(html)
                .contains("<meta property=\"og:title\" content=\"Trà hoa vàng Ba Chẽ\">")
                .containsPattern("<meta property=\"og:description\" content=\"Trà hoa vàng Ba Chẽ: " + Pattern.quote(price)
                        + " / [^\"]+\\. Sản phẩm OCOP 5 sao của " + Pattern.quote(producer) + " \\(Quảng Ninh\\)\\.\">")
                .containsPattern("<meta name=\"description\" content=\"Trà hoa vàng Ba Chẽ: " + Pattern.quote(price))
                .containsPattern("<meta property=\"og:image\" content=\"http://localhost:\\d+/images/[^\"]+\\.(png|jpg|jpeg|webp)\">")
                .containsPattern("<meta property=\"og:url\" content=\"" + url + "\">")
                .containsPattern("<link rel=\"canonical\" href=\"" + url + "\">")
                .contains("<meta name=\"twitter:card\" content=\"summary_large_image\">", "<meta name=\"twitter:title\" content=\"Trà hoa vàng Ba Chẽ\">");
        String image = Pattern.compile("og:image\" content=\"http://localhost:\\d+(/[^\"]+)\"").matcher(html).results().findFirst().orElseThrow().group(1);
        web.get().uri(image).exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("image/*");
    }

    @Test
    void everyPageHasAMetaDescriptionFromTheBundleInItsLanguage() {
        assertThat(page("/")).contains("<meta name=\"description\" content=\"Mua đặc sản OCOP 3 đến 5 sao");
        assertThat(page("/products?lang=en")).contains("<meta name=\"description\" content=\"OCOP products on sale by group and province");
        assertThat(page("/login")).contains("<meta name=\"description\" content=\"Chợ OCOP: đặc sản Mỗi xã một sản phẩm")
                .doesNotContain("og:title");
    }

    @Test
    void pagesAndJsonAreGzippedWhenTheClientAsks() throws IOException {
        // a client that leaves the answer as it came: Spring's default one unzips it and drops Content-Encoding
        var web = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create().compress(false)))
                .baseUrl("http://localhost:" + port).build();
        var answer = web.get().uri("/").accept(MediaType.TEXT_HTML).header(HttpHeaders.ACCEPT_ENCODING, "gzip").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(gunzip(answer)).contains("<!DOCTYPE html>", "</html>");
        var json = web.get().uri("/api/v1/products?size=24").header(HttpHeaders.ACCEPT_ENCODING, "gzip").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(gunzip(json)).startsWith("{").contains("\"items\"");
        web.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.CONTENT_ENCODING);
    }

    @Test
    void staticFilesAreLinkedByContentHashAndCachedForAYear() {
        String home = page("/");
        var stylesheet = Pattern.compile("<link rel=\"stylesheet\" href=\"(/css/app-[0-9a-f]{16}\\.css)\">").matcher(home);
        assertThat(stylesheet.find()).as("the stylesheet's versioned link in %s", home).isTrue();
        assertThat(home).containsPattern("<script src=\"/js/site-[0-9a-f]{16}\\.js\" defer>")
                .containsPattern("<link rel=\"icon\" href=\"/favicon-[0-9a-f]{16}\\.ico\"")
                .containsPattern("<link rel=\"icon\" href=\"/images/favicon-[0-9a-f]{16}\\.svg\" type=\"image/svg\\+xml\">");
        web.get().uri(stylesheet.group(1)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css")
                .expectHeader().cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable());
        web.get().uri("/css/app.css").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=3600, public");
    }

    @Test
    void theBrowserFindsAFaviconAtTheRoot() {
        byte[] icon = web.get().uri("/favicon.ico").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(icon).startsWith(new byte[] {0, 0, 1, 0}); // an ICO file's header
    }

    @Test
    void onAPhoneTheSearchFiltersAreADrawerNamedWithHowManyAreInForce() {
        SearchIndexReady.drained(changes);
        String html = page("/search?q=mật ong&group=FOOD");
        assertThat(html).containsPattern("<details class=\"facet-panel\" data-open-wide>\\s*<summary>Bộ lọc \\(1\\)</summary>")
                .containsPattern("(?s)<details class=\"facet-panel\".*</details>\\s*</aside>\\s*<ul class=\"products results\">");
        assertThat(page("/")).contains("<nav class=\"account-menu\" aria-label=\"Menu chính\">", "class=\"wide-only\"");
    }

    @Test
    void theSearchIndexPageIsAdminsOnly() {
        SignedIn.as(web, "shopper@demo.ocop.vn", PASSWORD).request(web.get().uri("/admin/search").accept(MediaType.TEXT_HTML))
                .expectStatus().isForbidden();
        web.get().uri("/admin/search").accept(MediaType.TEXT_HTML).exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void adminReindexesAfterConfirmingAndSeesTheOutcomeAndTheConsistencyReport() {
        SearchIndexReady.drained(changes);
        // rebuilding the index takes seconds on a busy machine
        SignedIn admin = SignedIn.as(web.mutate().responseTimeout(java.time.Duration.ofMinutes(2)).build(), "admin@demo.ocop.vn", PASSWORD);
        String page = admin.page("/admin/search");
        assertThat(page).contains("Chỉ mục tìm kiếm", "<details class=\"confirm\">", "Dựng lại chỉ mục ngay", "Kiểm tra đối chiếu với PostgreSQL")
                .containsPattern("\\d+ sản phẩm trong PostgreSQL, \\d+ tài liệu trong chỉ mục\\.")
                .contains("href=\"/admin/search\"");
        var redirect = admin.post("/admin/search/reindex", SignedIn.form("_csrf", admin.csrf("/admin/search")))
                .expectStatus().isSeeOther().returnResult(String.class).getResponseHeaders().getLocation();
        assertThat(redirect).isNotNull();
        assertThat(redirect.toString()).matches("/admin/search\\?reindexed=[a-z0-9._-]+");
        String after = admin.page(redirect.toString());
        assertThat(after).contains("Đã dựng lại chỉ mục: " + redirect.toString().substring(redirect.toString().indexOf('=') + 1),
                "Chỉ mục khớp với PostgreSQL.");
        assertThat(admin.page("/admin/search?lang=en")).contains("Reindex now", "The index matches PostgreSQL.");
    }

    private String sitemap() {
        return web.get().uri("/sitemap.xml").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private String page(String path) {
        return HtmlUtils.htmlUnescape(web.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private UUID productId(String name) {
        return db.sql("select id from product where name = :n").bind("n", name).map((r, m) -> r.get("id", UUID.class)).first().block();
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

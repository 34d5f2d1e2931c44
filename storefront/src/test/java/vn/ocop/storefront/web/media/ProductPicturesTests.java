package vn.ocop.storefront.web.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;
import org.w3c.dom.Document;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.listings.Listings;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductImage;
import vn.ocop.catalog.testing.TinyImages;
import vn.ocop.storefront.SearchIndexReady;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.orders.StockedProducts;
import vn.ocop.storefront.web.producer.SignedIn;

/**
 * Every place a shopper meets a product pictures it: uploaded photos with their 320 and 800 px thumbnails in srcset,
 * and for a product without any, the illustration of its kind, labelled as one. The label's QR code comes for print.
 */
@StorefrontTest
@TestPropertySource(properties = "ocop.images-dir=target/test-images/product-pictures")
class ProductPicturesTests {

    static final String PASSWORD = "ocop-demo-2026";
    static final String SHOPPER = "shopper@demo.ocop.vn";
    static final String PRODUCER = "producer@demo.ocop.vn";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Listings listings;
    @Autowired
    Inventory inventory;
    @Autowired
    CatalogChanges changes;

    StockedProducts fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new StockedProducts(db, inventory);
        fixtures.emptyCartOf(SHOPPER);
    }

    @Test
    void cardSearchHitCartAndProductPageShowTheUploadedPhotoWithItsThumbnails() {
        UUID product = productBrowsedOnOnePage();
        fixtures.receive(product, 5);
        String name = nameOf(product);
        ProductImage photo = upload(product, TinyImages.jpegWithGps(1600, 1200));
        upload(product, TinyImages.png(1000, 500));
        String srcset = "srcset=\"/images/products/" + photo.thumbnails().get(0).fileName() + " 320w, /images/products/"
                + photo.thumbnails().get(1).fileName() + " 800w\"";
        SearchIndexReady.drained(changes);

        String card = around(page("/products?group={g}&province={p}", groupOf(product), provinceOf(product)), product);
        assertThat(card).contains(srcset, "width=\"320\" height=\"240\"", "alt=\"Ảnh sản phẩm " + name + "\"", "sizes=\"");
        assertThat(around(page("/search?q={q}", name), product)).contains(srcset, "alt=\"Ảnh sản phẩm " + name + "\"");

        SignedIn shopper = SignedIn.as(web, SHOPPER, PASSWORD);
        shopper.post("/cart/add", SignedIn.form("productId", product.toString(), "quantity", "1", "_csrf", shopper.csrf("/cart")))
                .expectStatus().is3xxRedirection();
        assertThat(shopper.page("/cart")).contains(srcset, "sizes=\"4rem\"");
        assertThat(shopper.page("/checkout")).contains(srcset);

        String gallery = page("/products/" + product);
        assertThat(gallery).contains("id=\"photo-1\"", "id=\"photo-2\"", "href=\"#photo-2\"", srcset,
                "href=\"/images/products/" + photo.fileName() + "\"", "alt=\"Ảnh 1/2 của " + name + "\"", "alt=\"Ảnh 2/2 của " + name + "\"")
                .doesNotContain("Ảnh minh hoạ");
    }

    @Test
    void aProductWithoutPhotosShowsTheIllustrationOfItsKindSayingSo() {
        UUID honey = sellableNamed("Mật ong%");

        String page = page("/products/" + honey);
        String name = nameOf(honey);

        assertThat(page).contains("src=\"/images/illustrations/honey.svg\"", "class=\"illustration-label\">Ảnh minh hoạ</figcaption>",
                "alt=\"Ảnh minh hoạ mật ong, không phải ảnh chụp " + name + "\"");
        assertThat(page("/products/" + honey + "?lang=en")).contains("Illustration</figcaption>",
                "alt=\"Illustration of honey, not a photo of " + name + "\"");
        assertThat(page("/")).contains("/images/illustrations/", "Ảnh minh hoạ</figcaption>");
        web.get().uri("/images/illustrations/honey.svg").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("image/svg+xml");
    }

    @Test
    void photosAndThumbnailsAreCachedForAYearUnderNamesNeverReused() throws IOException {
        ProductImage photo = upload(fixtures.productWithStock(1), TinyImages.jpeg(900, 600));

        for (String file : List.of(photo.fileName(), photo.thumbnails().get(0).fileName(), photo.thumbnails().get(1).fileName())) {
            byte[] body = web.get().uri("/images/products/" + file).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType(MediaType.IMAGE_JPEG)
                    .expectHeader().value("Cache-Control", cc -> assertThat(cc).contains("max-age=31536000", "public", "immutable"))
                    .expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(ImageIO.read(new ByteArrayInputStream(body))).isNotNull();
        }
        assertThat(ImageIO.read(new ByteArrayInputStream(get("/images/products/" + photo.thumbnails().get(0).fileName()))).getWidth())
                .isEqualTo(320);
        web.get().uri("/images/products/" + photo.fileName().replace(".jpg", "-999.jpg")).exchange().expectStatus().isNotFound();
    }

    @Test
    void labelQrCodeComesAsAPrintPngOfAtLeastAThousandPixelsAndAsSvgForItsProducerOnly() throws Exception {
        SignedIn producer = SignedIn.as(web, PRODUCER, PASSWORD);
        UUID product = fixtures.productOf(PRODUCER, 1);
        String listing = producer.page("/producer/products/" + product);
        assertThat(listing).contains("/producer/products/" + product + "/qr.png?size=print", "/producer/products/" + product + "/qr.svg");

        byte[] print = producer.request(web.get().uri("/producer/products/{id}/qr.png?size=print", product)).expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG).expectBody(byte[].class).returnResult().getResponseBody();
        var image = ImageIO.read(new ByteArrayInputStream(print));
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(1000).isEqualTo(image.getHeight());
        byte[] screen = producer.request(web.get().uri("/producer/products/{id}/qr.png", product)).expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(ImageIO.read(new ByteArrayInputStream(screen)).getWidth()).isLessThan(image.getWidth());

        byte[] svg = producer.request(web.get().uri("/producer/products/{id}/qr.svg", product)).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("image/svg+xml").expectBody(byte[].class).returnResult().getResponseBody();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("path").item(0).getAttributes().getNamedItem("d").getNodeValue()).startsWith("M4 4h1v1h-1z");

        UUID notTheirs = db.sql("select p.id from product p where p.producer_id <> (select producer_id from account where email = :email) limit 1")
                .bind("email", PRODUCER).map((r, m) -> r.get("id", UUID.class)).one().block();
        producer.request(web.get().uri("/producer/products/{id}/qr.svg", notTheirs)).expectStatus().isNotFound();
        producer.request(web.get().uri("/producer/products/{id}/qr.png?size=print", notTheirs)).expectStatus().isNotFound();
        web.get().uri("/producer/products/{id}/qr.png?size=print", product).exchange().expectStatus().is3xxRedirection();
    }

    private ProductImage upload(UUID product, byte[] bytes) {
        ProducerId producer = db.sql("select producer_id from product where id = :id").bind("id", product)
                .map((r, m) -> new ProducerId(r.get("producer_id", UUID.class))).one().block();
        String file = listings.addImage(producer, new ProductId(product), bytes).block().fileName();
        return listings.pictures(List.of(new ProductId(product))).single().block().images().stream()
                .filter(i -> i.fileName().equals(file)).findFirst().orElseThrow();
    }

    private String page(String path, Object... variables) {
        return HtmlUtils.htmlUnescape(web.get().uri(path, variables).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private byte[] get(String path) {
        return web.get().uri(path).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    }

    /** The list item of the page that links to the product, up to the link. */
    private static String around(String html, UUID product) {
        int at = html.indexOf("href=\"/products/" + product + "\"");
        assertThat(at).as(product + " on the page").isPositive();
        int start = html.lastIndexOf("<li class=\"product\"", at);
        return html.substring(start, at);
    }

    /** A sellable product without stock whose group and province hold few enough products for the first page. */
    private UUID productBrowsedOnOnePage() {
        return db.sql("""
                        select r.product_id from sellable_ranking(current_date) r join product p on p.id = r.product_id
                          join producer pr on pr.id = p.producer_id
                         where not exists (select 1 from stock s where s.product_id = r.product_id)
                           and not exists (select 1 from location l where l.producer_id = p.producer_id)
                           and (select count(*) from sellable_ranking(current_date) r2 join product p2 on p2.id = r2.product_id
                                  join producer pr2 on pr2.id = p2.producer_id
                                 where p2.ocop_group = p.ocop_group and pr.province in (pr2.province, pr2.former_province)) <= 20
                         order by random() limit 1""")
                .map((r, m) -> r.get("product_id", UUID.class)).one().block();
    }

    private UUID sellableNamed(String like) {
        return db.sql("select r.product_id from sellable_ranking(current_date) r join product p on p.id = r.product_id "
                        + "where p.name like :like and not exists (select 1 from product_image i where i.product_id = p.id) limit 1")
                .bind("like", like).map((r, m) -> r.get("product_id", UUID.class)).one().block();
    }

    private String nameOf(UUID product) {
        return column(product, "p.name");
    }

    private String groupOf(UUID product) {
        return column(product, "p.ocop_group");
    }

    private String provinceOf(UUID product) {
        return column(product, "pr.province");
    }

    private String column(UUID product, String column) {
        return db.sql("select " + column + " as v from product p join producer pr on pr.id = p.producer_id where p.id = :id")
                .bind("id", product).map((r, m) -> r.get("v", String.class)).one().block();
    }
}

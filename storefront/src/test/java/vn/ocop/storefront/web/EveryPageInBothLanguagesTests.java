package vn.ocop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.HtmlUtils;
import vn.ocop.catalog.CatalogTime;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.LotRef;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProductId;
import vn.ocop.storefront.account.OneTimeLinks;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.orders.StockedProducts;
import vn.ocop.storefront.web.producer.SignedIn;

/**
 * Every page of the application, as each demo role sees it, in Vietnamese and in English, with orders, a complaint
 * and live events in several states: no page may show a missing message key (Thymeleaf's {@code ??key_vi_VN??}) or a
 * raw code (an enum constant such as {@code SCHEDULED} or {@code READY_FOR_PICKUP}) where people read, and every
 * template file must be reached by some page.
 */
@StorefrontTest
class EveryPageInBothLanguagesTests {

    static final String PASSWORD = "ocop-demo-2026";
    static final String SHOPPER = "shopper@demo.ocop.vn";
    static final String PRODUCER = "producer@demo.ocop.vn";
    /** A lot with its dates, received at the showroom: its verify page and its label sheet. */
    static final String LOT = "L2612-TEST";

    /** Words people may read in capitals: names and abbreviations, never an enum constant of ours. */
    static final Set<String> ALLOWED_CAPITALS = Set.of("OCOP", "COD", "VND", "API", "CSV", "PNG", "SVG", "QR", "VAT", "OK", "HTML", "JSON",
            "SMS", "PDF", "URL", "HTTP", "HTTPS", "ID", "SKU", "TP", "UBND", "VNĐ", "MST", "CCCD", "CMND", "HTX", "CP", "TNHH", "GPS", "TV",
            "VIP", "FAQ", "JPEG", "WEBP", "GIF", "JPG", "DNTN", "XNK", "TMDV", "SX", "TM", "DV", "HN", "HCM", "LIVE");

    /** Pages whose answer is the error page or a refused link, which must speak the language too. */
    static final Set<String> NOT_FOUND = Set.of("/no-such-page", "/verify/KHONGCOMA9", "/account/set-password/not-a-token");

    @TestConfiguration
    static class Recording {
        @Bean
        TemplateRecorder templateRecorder() {
            return new TemplateRecorder();
        }
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;
    @Autowired
    OneTimeLinks links;

    @Test
    void everyPageOfEveryRoleSpeaksEachLanguageInWordsAndEveryTemplateIsReached() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        Ids ids = seed();
        Map<String, List<String>> routes = routes(ids);
        List<String> failures = new ArrayList<>();
        Set<String> codes = enumConstants();
        assertThat(problems("<main><p>Trạng thái: SCHEDULED</p><p title=\"??live.x_vi_VN??\">READY_FOR_PICKUP</p></main>", codes))
                .as("the check sees a raw code, a missing key and an upper-snake constant").hasSize(3);
        for (var role : routes.entrySet()) {
            SignedIn who = role.getKey().equals("anonymous") ? null : SignedIn.as(web, role.getKey(), PASSWORD);
            for (String lang : List.of("vi", "en")) {
                for (String route : role.getValue()) {
                    String url = route + (route.contains("?") ? "&" : "?") + "lang=" + lang;
                    EntityExchangeResult<String> answer = get(who, url);
                    int status = answer.getStatus().value();
                    String html = answer.getResponseBody() == null ? "" : answer.getResponseBody();
                    if (status != (NOT_FOUND.contains(route) ? 404 : 200)) {
                        failures.add(role.getKey() + " " + url + ": status " + status);
                        continue;
                    }
                    problems(html, codes).forEach(p -> failures.add(role.getKey() + " " + url + ": " + p));
                }
            }
        }
        assertThat(failures).as("pages with a missing message key or a raw code").isEmpty();
        assertThat(templates()).as("templates no listed page reached").isSubsetOf(TemplateRecorder.RENDERED);
    }

    /** What is wrong with a page: missing keys anywhere in it, and enum constants in the text people read. */
    static List<String> problems(String html, Set<String> codes) {
        List<String> found = new ArrayList<>();
        Matcher missing = Pattern.compile("\\?\\?[^?<>\"\\s]+\\?\\?").matcher(html);
        while (missing.find()) {
            found.add("missing message " + missing.group());
        }
        String text = visibleText(html);
        Matcher capitals = Pattern.compile("(?<![\\p{L}\\d_-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![\\p{L}\\d_-])").matcher(text);
        while (capitals.find()) {
            String word = capitals.group();
            if (word.contains("_") || (codes.contains(word) && !ALLOWED_CAPITALS.contains(word))) {
                int from = Math.max(0, capitals.start() - 60);
                found.add("raw code " + word + " in \"" + text.substring(from, Math.min(text.length(), capitals.end() + 40)).strip() + "\"");
            }
        }
        return found;
    }

    /** The text of the body and the attributes people read (placeholders, labels, titles, button values). */
    static String visibleText(String html) {
        String body = html.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<style.*?</style>", " ").replaceAll("(?s)<!--.*?-->", " ");
        StringBuilder read = new StringBuilder();
        Matcher attributes = Pattern.compile("(?:placeholder|aria-label|title|alt|value)=\"([^\"]*)\"").matcher(body);
        while (attributes.find()) {
            // hidden inputs and options carry codes on purpose: only labels shown as such are read
            String tag = body.substring(body.lastIndexOf('<', attributes.start()), attributes.start());
            if (!tag.startsWith("<input") && !tag.startsWith("<option") && !tag.startsWith("<button")) {
                read.append(' ').append(attributes.group(1));
            }
            if (tag.startsWith("<input") && tag.contains("type=\"submit\"")) {
                read.append(' ').append(attributes.group(1));
            }
        }
        return HtmlUtils.htmlUnescape(body.replaceAll("(?s)<[^>]*>", " ") + read).replaceAll("\\s+", " ");
    }

    /** The names of our enums' constants (statuses, kinds, reasons, types...), which a page must show as words. */
    static Set<String> enumConstants() {
        Set<String> names = new TreeSet<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:vn/ocop/**/*.class")) {
                String path = r.getURL().getPath();
                String className = path.substring(path.lastIndexOf("vn/ocop/")).replace(".class", "").replace('/', '.');
                if (className.contains("Test") || className.endsWith("package-info")) {
                    continue;
                }
                try {
                    Class<?> type = Class.forName(className, false, EveryPageInBothLanguagesTests.class.getClassLoader());
                    if (type.isEnum()) {
                        for (Object constant : type.getEnumConstants()) {
                            String name = ((Enum<?>) constant).name();
                            if (name.length() > 2 && name.equals(name.toUpperCase(java.util.Locale.ROOT))) {
                                names.add(name);
                            }
                        }
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not ours to check
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(names).as("the enums were found").contains("SCHEDULED", "PLACED", "RECEIPT");
        return names;
    }

    /** Every template file's name as Thymeleaf knows it ("orders/order"). */
    static Set<String> templates() {
        try {
            Set<String> names = new TreeSet<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:/templates/**/*.html")) {
                String path = r.getURL().getPath();
                names.add(path.substring(path.lastIndexOf("/templates/") + "/templates/".length(), path.length() - ".html".length()));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EntityExchangeResult<String> get(SignedIn who, String url) {
        var request = web.get().uri(url).accept(MediaType.TEXT_HTML);
        var response = who == null ? request.exchange() : who.request(request);
        return response.expectBody(String.class).returnResult();
    }

    /** The pages each role opens: every GET page route of the page controllers, with ids of the seeded data. */
    private Map<String, List<String>> routes(Ids ids) {
        Map<String, List<String>> routes = new LinkedHashMap<>();
        routes.put("anonymous", List.of("/", "/products", "/products?group=FOOD", "/products/" + ids.product, "/search?q=mật+ong",
                "/search?q=trà&sort=PRICE_ASC", "/search/suggestions?q=tra", "/live", "/live/" + ids.liveEvent, "/live/" + ids.endedEvent,
                "/verify/" + ids.verificationCode, "/verify/" + ids.verificationCode + "?lot=" + LOT,
                "/verify/" + ids.verificationCode + "?lot=KHONG-CO-LO", "/verify/KHONGCOMA9", "/login", "/login?error", "/register", "/producers/apply",
                "/producers/apply/sent", "/account/set-password/not-a-token", "/account/set-password/" + ids.link, "/no-such-page", "/cart", "/cart/shipping?shipTo=01",
                "/producers/" + ids.producer));
        routes.put(SHOPPER, List.of("/orders", "/orders/" + ids.completedOrder, "/orders/" + ids.pickupOrder, "/orders/" + ids.cancelledOrder,
                "/orders/" + ids.completedOrder + "/complaints/new?line=1", "/complaints/" + ids.complaint, "/cart", "/checkout",
                "/live/" + ids.liveEvent, "/live/" + ids.scheduledEvent));
        routes.put(PRODUCER, List.of("/producer", "/producer/products/new", "/producer/products/" + ids.product, "/producer/orders",
                "/producer/orders?show=all", "/producer/fulfilments/" + ids.fulfilment + "/slip", "/producer/complaints", "/producer/live",
                "/producer/live/" + ids.liveEvent, "/producer/live/" + ids.scheduledEvent, "/producer/live/" + ids.endedEvent,
                "/producer/members", "/producer/stock", "/producer/stock/" + ids.showroom + "/" + ids.product, "/producer/statements",
                "/producer/reviews", "/producer/lots", "/producer/lots/" + ids.lot + "/labels", "/producer/lots/" + lotOf(ids.product) + "/recall"));
        routes.put("staff@demo.ocop.vn", List.of("/staff/stock", "/staff/stock/" + ids.product, "/staff/discrepancies", "/staff/till-keys",
                "/staff/pickups"));
        routes.put("council@demo.ocop.vn", List.of("/council", "/council?q=trà", "/council?product=" + ids.product,
                "/council/lots/" + lotOf(ids.product) + "/recall"));
        routes.put("admin@demo.ocop.vn", List.of("/admin/locations", "/admin/locations/" + ids.showroom, "/admin/shipping",
                "/admin/producer-applications", "/admin/producer-applications/" + ids.application, "/admin/producers",
                "/admin/producers/" + ids.producer, "/admin/accounts", "/admin/accounts?q=demo", "/admin/refunds", "/admin/complaints",
                "/admin/money", "/admin/money/producers/" + ids.producer, "/admin/reviews", "/admin/search"));
        return routes;
    }

    /** A lot of the product (its stock arrived in lots), for the "Thu hồi lô" pages. */
    private UUID lotOf(UUID product) {
        return one("select id from lot where product_id = '" + product + "' order by code limit 1", UUID.class);
    }

    record Ids(String link, UUID product, UUID showroom, UUID producer, UUID application, String verificationCode, String completedOrder,
               String pickupOrder, String cancelledOrder, String fulfilment, String complaint, String scheduledEvent, String liveEvent,
               String endedEvent, UUID lot) {
    }

    /** Orders in several states, a complaint, live events scheduled, live and ended: the states the pages show. */
    private Ids seed() {
        StockedProducts stocked = new StockedProducts(db, inventory);
        UUID product = stocked.productOf(PRODUCER, 6);
        UUID showroom = stocked.showroom();
        UUID producer = one("select producer_id as id from account where email = '" + PRODUCER + "'", UUID.class);
        UUID application = one("select id from producer_application order by submitted_at limit 1", UUID.class);
        String code = one("select verification_code as id from product where id = '" + product + "'", String.class);

        String completed = order(product, Map.of("delivery", Map.of("provinceCode", "01", "communeCode", "00070", "street", "25 phố Hàng Bạc"),
                "payment", "COD"));
        String fulfilment = one("select id::text as id from fulfilment where order_id = '" + completed + "'", String.class);
        WebTestClient producerApi = api(PRODUCER);
        producerApi.post().uri("/api/v1/producer/fulfilments/{id}/confirm", fulfilment).exchange().expectStatus().isOk();
        producerApi.post().uri("/api/v1/producer/fulfilments/{id}/ship", fulfilment).exchange().expectStatus().isOk();
        Number due = (Number) producerApi.get().uri("/api/v1/producer/fulfilments/{id}", fulfilment).exchange().expectBody(Map.class)
                .returnResult().getResponseBody().get("amountToCollectVnd");
        producerApi.post().uri("/api/v1/producer/fulfilments/{id}/delivered", fulfilment).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("collectedVnd", due.longValue())).exchange().expectStatus().isOk();
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("line", "1");
        parts.part("reason", "DAMAGED");
        parts.part("text", "Nắp hũ bị nứt khi nhận hàng");
        String complaint = (String) api(SHOPPER).post().uri("/api/v1/orders/{id}/complaints", completed).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(parts.build())).exchange().expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody().get("id");

        String pickup = order(product, Map.of("pickupLocationId", showroom, "payment", "PAY_AT_PICKUP"));
        String cancelled = order(product, Map.of("delivery", Map.of("provinceCode", "01", "communeCode", "00070", "street", "25 phố Hàng Bạc"),
                "payment", "COD"));
        api(SHOPPER).post().uri("/api/v1/orders/{id}/cancel", cancelled).exchange().expectStatus().isOk();
        stocked.emptyCartOf(SHOPPER);
        api(SHOPPER).post().uri("/api/v1/cart/lines").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", product, "quantity", 1)).exchange().expectStatus().is2xxSuccessful();

        String scheduled = event("Phiên giới thiệu trà sắp tới", 30);
        String live = event("Phiên đang phát", 1);
        producerApi.post().uri("/api/v1/live/{id}/start", live).exchange().expectStatus().isOk();
        String ended = event("Phiên đã kết thúc", 1);
        producerApi.post().uri("/api/v1/live/{id}/start", ended).exchange().expectStatus().isOk();
        producerApi.post().uri("/api/v1/live/{id}/end", ended).exchange().expectStatus().isOk();
        UUID staff = one("select id from account where email = 'staff@demo.ocop.vn'", UUID.class);
        String link = links.issue(staff).block().token();
        LocalDate today = LocalDate.now(CatalogTime.ZONE);
        inventory.recordAtLocation(new LocationId(showroom), List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, new ProductId(product), 3,
                OffsetDateTime.now(), null).ofLot(new LotRef(LOT, today.minusDays(5), today.plusDays(200)))), "test").block();
        UUID lot = one("select id from lot where product_id = '" + product + "' and code = '" + LOT + "'", UUID.class);
        return new Ids(link, product, showroom, producer, application, code, completed, pickup, cancelled, fulfilment, complaint, scheduled, live, ended,
                lot);
    }

    private String order(UUID product, Map<String, Object> how) {
        Map<String, Object> body = new LinkedHashMap<>(how);
        body.put("lines", List.of(Map.of("productId", product, "quantity", 1)));
        body.put("contact", Map.of("name", "Nguyễn Thị Mai", "phone", "0912345678", "email", "mai.nguyen@example.vn"));
        return (String) api(SHOPPER).post().uri("/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private String event(String title, int minutesAhead) {
        return (String) api(PRODUCER).post().uri("/api/v1/live").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", title, "videoUrl", "https://www.youtube.com/live/dQw4w9WgXcQ",
                        "plannedStart", OffsetDateTime.now().plusMinutes(minutesAhead).toString(),
                        "plannedEnd", OffsetDateTime.now().plusHours(2).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private <T> T one(String sql, Class<T> type) {
        return db.sql(sql).map((r, m) -> r.get("id", type)).one().block();
    }

    private WebTestClient api(String email) {
        return web.mutate().defaultHeaders(h -> h.setBasicAuth(email, PASSWORD)).build();
    }
}

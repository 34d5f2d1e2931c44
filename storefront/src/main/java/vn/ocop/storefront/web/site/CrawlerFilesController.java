package vn.ocop.storefront.web.site;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Flux;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.listings.ProductStamp;
import vn.ocop.storefront.account.PublicAddress;

/**
 * {@code /robots.txt} (the shop's public pages only: no account, work or API pages) and {@code /sitemap.xml} (home,
 * browse, live and every product on sale today, with when it last changed), both with absolute addresses on
 * {@code ocop.public-url} (else the request's own), served through a security chain that loads no session and sets
 * no CSRF cookie ({@code SecurityConfig}).
 */
@RestController
class CrawlerFilesController {

    /** Prefixes crawlers are kept out of; {@code /producer$} and {@code /producer/} leave {@code /producers/…} open. */
    static final List<String> DISALLOWED = List.of("/account", "/admin", "/producer$", "/producer/", "/staff", "/council",
            "/cart", "/checkout", "/orders", "/api/");
    private static final List<String> PAGES = List.of("/", "/products", "/live");
    private static final CacheControl AN_HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final Catalog catalog;
    private final PublicAddress address;

    CrawlerFilesController(Catalog catalog, PublicAddress address) {
        this.catalog = catalog;
        this.address = address;
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> robots(ServerHttpRequest request) {
        var text = new StringBuilder("User-agent: *\n");
        DISALLOWED.forEach(path -> text.append("Disallow: ").append(path).append('\n'));
        text.append("\nSitemap: ").append(address.of(request)).append("/sitemap.xml\n");
        return ResponseEntity.ok().cacheControl(AN_HOUR).body(text.toString());
    }

    /** Written as PostgreSQL streams the products: the list is never held whole. */
    @GetMapping(value = "/sitemap.xml", produces = "application/xml;charset=UTF-8")
    ResponseEntity<Flux<String>> sitemap(ServerHttpRequest request) {
        String site = HtmlUtils.htmlEscape(address.of(request));
        Flux<String> pages = Flux.fromIterable(PAGES).map(path -> url(site + path, null));
        Flux<String> products = catalog.sellableProductStamps().map(p -> url(site + "/products/" + p.id().value(), p));
        Flux<String> body = Flux.just("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
                .concatWith(pages)
                .concatWith(products)
                .concatWith(Flux.just("</urlset>\n"));
        return ResponseEntity.ok().cacheControl(AN_HOUR).body(body);
    }

    private static String url(String location, ProductStamp stamp) {
        return "  <url><loc>" + location + "</loc>"
                + (stamp == null ? "" : "<lastmod>" + stamp.changedAt().truncatedTo(ChronoUnit.SECONDS) + "</lastmod>")
                + "</url>\n";
    }
}

package vn.ocop.storefront.web.producer;

import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Listings;
import vn.ocop.catalog.ProductId;
import vn.ocop.storefront.web.QrCodes;
import vn.ocop.storefront.security.CurrentAccount;

/** The QR code a producer prints on a product's label: the absolute address of its public verification page. */
@RestController
class LabelQrController {

    private static final String SVG = "image/svg+xml";

    private final Listings listings;
    private final CurrentAccount current;

    LabelQrController(Listings listings, CurrentAccount current) {
        this.listings = listings;
        this.current = current;
    }

    /** Only for the product's own producer; anyone else gets 404. {@code ?size=print}: at least 1,200 px a side. */
    @GetMapping(path = "/producer/products/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    Mono<ResponseEntity<byte[]>> qrCode(@PathVariable UUID id, @RequestParam(required = false) String size, ServerHttpRequest request) {
        boolean print = "print".equals(size);
        return verificationUrl(id, request)
                .flatMap(url -> print ? QrCodes.printPng(url) : QrCodes.png(url))
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                        .body(png));
    }

    /** The same code as SVG, for print at any size; the same owner check. */
    @GetMapping(path = "/producer/products/{id}/qr.svg", produces = SVG)
    Mono<ResponseEntity<String>> qrCodeSvg(@PathVariable UUID id, ServerHttpRequest request) {
        return verificationUrl(id, request)
                .flatMap(QrCodes::svg)
                .map(svg -> ResponseEntity.ok().contentType(MediaType.parseMediaType(SVG))
                        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                        .body(svg));
    }

    private Mono<String> verificationUrl(UUID id, ServerHttpRequest request) {
        return current.producer().flatMap(p -> listings.get(p, new ProductId(id)))
                .map(l -> absolute(request, Links.verificationPage(l)));
    }

    /** Scheme, host and port as the request reached us, with the page's path. */
    static String absolute(ServerHttpRequest request, String path) {
        return UriComponentsBuilder.fromUri(request.getURI())
                .replacePath(path).replaceQuery(null).fragment(null).userInfo(null)
                .build().toUriString();
    }
}

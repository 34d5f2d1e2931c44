package vn.ocop.storefront.web.producer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.listings.Listing;
import vn.ocop.catalog.listings.Listings;
import vn.ocop.catalog.lots.Lot;
import vn.ocop.catalog.LotId;
import vn.ocop.catalog.lots.LotStock;
import vn.ocop.catalog.lots.Lots;
import vn.ocop.catalog.ProducerId;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.QrCodes;

/**
 * A producer's lots and, per lot, a sheet of labels to print: 24 to an A4 page, each with the product, the lot code,
 * its production and use-by dates, the verification code and a QR code of the lot's verification page. Only the
 * lot's own producer; anyone else's lot answers 404.
 */
@Controller
@RequestMapping("/producer/lots")
class LotLabelsController {

    static final int LABELS_PER_PAGE = 24;
    static final int MAX_PAGES = 20;
    private static final String SVG = "image/svg+xml";

    private final Lots lots;
    private final Listings listings;
    private final CurrentAccount current;
    private final vn.ocop.catalog.listings.Catalog catalog;

    LotLabelsController(Lots lots, Listings listings, CurrentAccount current, vn.ocop.catalog.listings.Catalog catalog) {
        this.lots = lots;
        this.listings = listings;
        this.current = current;
        this.catalog = catalog;
    }

    /** A lot and where it has stock: one row per lot, its places in the order read (none once it is all gone). */
    record LotRow(Lot lot, Lot.Status status, List<LotStock> places) {
    }

    /** The lot with the product's verification code, for its labels. */
    record Labelled(Lot lot, Listing listing, String verifyPath) {
    }

    /**
     * Every lot of the producer: those with stock first, with where it is; then those with none left (sold, sent in
     * orders, or counted out), which a recall must still be able to reach.
     */
    @GetMapping
    Mono<String> lots(Model model) {
        return current.producer().flatMap(p -> Mono.zip(lots.ofProducer(p).collectList(), lots.everyOf(p).collectList())).map(t -> {
            model.addAttribute("rows", rows(t.getT1(), t.getT2(), catalog.today()));
            return "producer/lots";
        });
    }

    @GetMapping("/{id}/labels")
    Mono<String> labels(@PathVariable UUID id, @RequestParam(defaultValue = "1") int pages, Model model) {
        int sheets = Math.max(1, Math.min(MAX_PAGES, pages));
        return current.producer().flatMap(p -> labelled(p, id)).map(l -> {
            model.addAttribute("l", l);
            model.addAttribute("pages", sheets);
            model.addAttribute("perPage", LABELS_PER_PAGE);
            return "producer/lot-labels";
        });
    }

    /** The QR code of the lot's verification page (an absolute URL, as on the product's label), as SVG. */
    @GetMapping(path = "/{id}/qr.svg", produces = SVG)
    @ResponseBody
    Mono<ResponseEntity<String>> qrCode(@PathVariable UUID id, ServerHttpRequest request) {
        return current.producer().flatMap(p -> labelled(p, id))
                .flatMap(l -> QrCodes.svg(LabelQrController.absolute(request, Links.verificationPage(l.listing())) + lotQuery(l.lot())))
                .map(svg -> ResponseEntity.ok().contentType(MediaType.parseMediaType(SVG))
                        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                        .body(svg));
    }

    private Mono<Labelled> labelled(ProducerId producer, UUID id) {
        return lots.get(new LotId(id))
                .filter(lot -> lot.producer().equals(producer))
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("lot " + id)))
                .flatMap(lot -> listings.get(producer, lot.product()).map(listing -> new Labelled(lot, listing, verifyPath(listing, lot))));
    }

    /** The path a lot's QR code opens: the product's verification page naming the lot. */
    static String verifyPath(Listing listing, Lot lot) {
        return Links.verificationPage(listing) + lotQuery(lot);
    }

    private static String lotQuery(Lot lot) {
        return "?lot=" + UriUtils.encodeQueryParam(lot.code(), StandardCharsets.UTF_8);
    }

    private static List<LotRow> rows(List<LotStock> stock, List<Lot> every, java.time.LocalDate today) {
        Map<LotId, List<LotStock>> byLot = new LinkedHashMap<>();
        stock.forEach(s -> byLot.computeIfAbsent(s.lot().id(), k -> new ArrayList<>()).add(s));
        List<LotRow> rows = new ArrayList<>(byLot.values().stream().map(places -> new LotRow(places.get(0).lot(), places.get(0).status(), places)).toList());
        every.stream().filter(lot -> !byLot.containsKey(lot.id())).forEach(lot -> rows.add(new LotRow(lot, lot.status(today), List.of())));
        return rows;
    }
}

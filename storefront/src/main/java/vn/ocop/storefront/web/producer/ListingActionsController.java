package vn.ocop.storefront.web.producer;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.ImageRejected;
import vn.ocop.catalog.listings.Listings;
import vn.ocop.catalog.ProductId;
import vn.ocop.storefront.security.CurrentAccount;

/** What the listing page's buttons do: publish, archive, add an image. Each answers with a redirect back to the page. */
@Controller
@RequestMapping("/producer/products/{id}")
class ListingActionsController {

    private final Listings listings;
    private final CurrentAccount current;

    ListingActionsController(Listings listings, CurrentAccount current) {
        this.listings = listings;
        this.current = current;
    }

    @PostMapping("/publish")
    Mono<String> publish(@PathVariable UUID id) {
        return current.producer().flatMap(p -> listings.publish(p, new ProductId(id)))
                .map(l -> "redirect:" + Links.listingPage(l) + "?" + ListingNotice.PUBLISHED.parameter());
    }

    @PostMapping("/archive")
    Mono<String> archive(@PathVariable UUID id) {
        return current.producer().flatMap(p -> listings.archive(p, new ProductId(id)))
                .map(l -> "redirect:" + Links.listingPage(l) + "?" + ListingNotice.ARCHIVED.parameter());
    }

    /** The image's rule, if it breaks one, comes back to the page as {@code ?imageRejected=RULE}. */
    @PostMapping(path = "/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<String> addImage(@PathVariable UUID id, @RequestPart("file") FilePart file) {
        String page = "redirect:/producer/products/" + id;
        return current.producer()
                .flatMap(p -> ImageUploads.bytes(file, listings.maxImageBytes()).flatMap(bytes -> listings.addImage(p, new ProductId(id), bytes)))
                .thenReturn(page + "?" + ListingNotice.IMAGE_ADDED.parameter())
                .onErrorResume(ImageRejected.class, e -> Mono.just(page + "?imageRejected=" + e.rule()));
    }
}

package vn.ocop.storefront.web.shop;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.listings.ProducerShowcase;
import vn.ocop.storefront.web.media.Pictures;

/**
 * A producer's public page: who and where, its OCOP rankings, its products on sale (cards with their pictures, as on
 * the home page), its rating; 404 when unknown or suspended.
 */
@Controller
class ProducerShowcasePageController {

    private final ProducerShowcase showcase;
    private final Pictures pictures;

    ProducerShowcasePageController(ProducerShowcase showcase, Pictures pictures) {
        this.showcase = showcase;
        this.pictures = pictures;
    }

    @GetMapping("/producers/{id}")
    Mono<String> page(@PathVariable UUID id, Model model) {
        return showcase.page(new ProducerId(id))
                .flatMap(p -> pictures.of(p.products().stream().map(c -> c.id()).toList())
                        .doOnNext(pictured -> {
                            model.addAttribute("producer", p);
                            model.addAttribute("pictures", pictured);
                        }))
                .thenReturn("producers/page");
    }
}

package vn.ocop.storefront.web.shop;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProducerShowcase;

/** A producer's public page: who and where, its OCOP rankings, its products on sale, its rating; 404 when unknown or suspended. */
@Controller
class ProducerShowcasePageController {

    private final ProducerShowcase showcase;

    ProducerShowcasePageController(ProducerShowcase showcase) {
        this.showcase = showcase;
    }

    @GetMapping("/producers/{id}")
    Mono<String> page(@PathVariable UUID id, Model model) {
        return showcase.page(new ProducerId(id)).doOnNext(p -> model.addAttribute("producer", p)).thenReturn("producers/page");
    }
}

package vn.ocop.storefront.web.producer;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogClock;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.listings.ImageRejected;
import vn.ocop.catalog.listings.Listing;
import vn.ocop.catalog.listings.Listings;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.producers.ProducerDirectory;
import vn.ocop.catalog.councils.ProducerNotice;
import vn.ocop.catalog.councils.ProducerNotices;
import vn.ocop.catalog.ProductId;
import vn.ocop.orders.Money;
import vn.ocop.storefront.security.CurrentAccount;

/** The producer's dashboard and the forms that create and edit its listings; mistakes are shown on the form. */
@Controller
@RequestMapping("/producer")
class ProducerPageController {

    static final int EXPIRING_DAYS = 60;
    private static final String FORM = "listingForm";

    private final Listings listings;
    private final ProducerNotices notices;
    private final Money money;
    private final CurrentAccount current;
    private final ProducerDirectory producers;

    ProducerPageController(Listings listings, ProducerNotices notices, Money money, CurrentAccount current, ProducerDirectory producers) {
        this.listings = listings;
        this.notices = notices;
        this.money = money;
        this.current = current;
        this.producers = producers;
    }

    @InitBinder(FORM)
    void numbersAsPeopleTypeThem(WebDataBinder binder) {
        binder.registerCustomEditor(Long.class, new WholeDong());
        binder.registerCustomEditor(Integer.class, new WholeGrams());
    }

    @ModelAttribute("groups")
    List<OcopGroup> groups() {
        return List.of(OcopGroup.values());
    }

    @GetMapping
    Mono<String> dashboard(Model model) {
        return current.producer()
                .doOnNext(p -> model.addAttribute("profile", producers.find(p))
                        .addAttribute("listings", listings.of(p).collectList())
                        .addAttribute("expiring", listings.expiring(p, EXPIRING_DAYS).collectList())
                        .addAttribute("notices", notices.of(p).map(NoticeLine::of).collectList())
                        .addAttribute("money", money.recentWeeks(p, 8))
                        .addAttribute("expiringDays", EXPIRING_DAYS))
                .thenReturn("producer/dashboard");
    }

    @GetMapping("/products/new")
    String newListing(Model model) {
        model.addAttribute(FORM, ListingForm.empty());
        return "producer/new";
    }

    @PostMapping("/products")
    Mono<String> create(@Valid @ModelAttribute(FORM) ListingForm form, BindingResult errors) {
        if (errors.hasErrors()) {
            return Mono.just("producer/new");
        }
        return current.producer()
                .flatMap(p -> listings.create(p, form.details()))
                .map(l -> "redirect:" + Links.listingPage(l) + "?" + ListingNotice.CREATED.parameter());
    }

    /** The query names what just happened ({@link ListingNotice}); {@code imageRejected} names the rule an upload broke. */
    @GetMapping("/products/{id}")
    Mono<String> listing(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> query, Model model) {
        String rejected = query.getFirst("imageRejected");
        return own(id).map(l -> {
            model.addAttribute("listing", l).addAttribute(FORM, ListingForm.of(l))
                    .addAttribute("pageNotices", ListingNotice.named(query.keySet()))
                    .addAttribute("imageError", Arrays.stream(ImageRejected.Rule.values())
                            .filter(rule -> rule.name().equals(rejected)).findFirst().orElse(null));
            return "producer/listing";
        });
    }

    @PostMapping("/products/{id}")
    Mono<String> edit(@PathVariable UUID id, @Validated({Default.class, ListingForm.Edit.class}) @ModelAttribute(FORM) ListingForm form,
                      BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return own(id).map(l -> {
                model.addAttribute("listing", l);
                return "producer/listing";
            });
        }
        String page = "redirect:/producer/products/" + id + "?";
        return current.producer()
                .flatMap(p -> listings.edit(p, new ProductId(id), form.version(), form.details()))
                .thenReturn(page + ListingNotice.SAVED.parameter())
                .onErrorResume(e -> refused(e, CatalogErrorCode.STALE_VERSION), e -> Mono.just(page + ListingNotice.STALE.parameter()))
                .onErrorResume(e -> refused(e, CatalogErrorCode.INVALID_STATE), e -> Mono.just(page + ListingNotice.NOT_EDITABLE.parameter()));
    }

    /** A notice as the dashboard lists it: the day it came, in Vietnam's time. */
    record NoticeLine(String message, LocalDate day) {
        static NoticeLine of(ProducerNotice notice) {
            return new NoticeLine(notice.message(), notice.createdAt().atZoneSameInstant(CatalogClock.ZONE).toLocalDate());
        }
    }

    private Mono<Listing> own(UUID id) {
        return current.producer().flatMap(p -> listings.get(p, new ProductId(id)));
    }

    private static boolean refused(Throwable e, CatalogErrorCode code) {
        return e instanceof CatalogException refused && refused.code() == code;
    }
}

package vn.ocop.storefront.web.complaints;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.Complaint;
import vn.ocop.orders.ComplaintId;
import vn.ocop.orders.Complaints;
import vn.ocop.storefront.security.CurrentAccount;

/**
 * The producer's complaints page (answer within the page: offer a refund, optionally with the goods back to one of
 * its warehouses, or dispute; record cash paid back) and ADMIN's (decide disputed and escalated ones). Deciding and
 * "paid back" need the confirmation ticked.
 */
@Controller
class ComplaintDeskPageController {

    private final Complaints complaints;
    private final Locations locations;
    private final CurrentAccount current;

    ComplaintDeskPageController(Complaints complaints, Locations locations, CurrentAccount current) {
        this.complaints = complaints;
        this.locations = locations;
        this.current = current;
    }

    record AnswerForm(Long amountVnd, UUID returnTo, String text, Boolean confirmed) {
        boolean given() {
            return Boolean.TRUE.equals(confirmed);
        }

        LocationId location() {
            return returnTo == null ? null : new LocationId(returnTo);
        }
    }

    @GetMapping("/producer/complaints")
    Mono<String> producer(Model model) {
        return producerPage(model, null);
    }

    @PostMapping("/producer/complaints/{id}/offer")
    Mono<String> offer(@PathVariable UUID id, @ModelAttribute AnswerForm form, ServerWebExchange exchange, Model model) {
        Vnd amount = form.amountVnd() == null || form.amountVnd() < 0 ? null : new Vnd(form.amountVnd());
        return current.get().zipWith(current.producer()).flatMap(t -> producerStep(
                complaints.offer(t.getT2(), new ComplaintId(id), amount, form.location(), form.text(), t.getT1().email()), exchange, model));
    }

    @PostMapping("/producer/complaints/{id}/dispute")
    Mono<String> dispute(@PathVariable UUID id, @ModelAttribute AnswerForm form, ServerWebExchange exchange, Model model) {
        return current.get().zipWith(current.producer()).flatMap(t -> producerStep(
                complaints.dispute(t.getT2(), new ComplaintId(id), form.text(), t.getT1().email()), exchange, model));
    }

    @PostMapping("/producer/complaints/{id}/paid-back")
    Mono<String> producerPaidBack(@PathVariable UUID id, @ModelAttribute AnswerForm form, ServerWebExchange exchange, Model model) {
        if (!form.given()) {
            return producerPage(model, ComplaintPages.unconfirmed(exchange));
        }
        return current.get().zipWith(current.producer()).flatMap(t -> producerStep(
                complaints.paidBackByProducer(t.getT2(), new ComplaintId(id), t.getT1().email()), exchange, model));
    }

    @GetMapping("/admin/complaints")
    Mono<String> admin(Model model) {
        return adminPage(model, null);
    }

    @PostMapping("/admin/complaints/{id}/decision")
    Mono<String> decide(@PathVariable UUID id, @ModelAttribute AnswerForm form, ServerWebExchange exchange, Model model) {
        if (!form.given()) {
            return adminPage(model, ComplaintPages.unconfirmed(exchange));
        }
        Vnd amount = form.amountVnd() == null || form.amountVnd() < 0 ? null : new Vnd(form.amountVnd());
        return current.get().flatMap(a -> adminStep(complaints.decide(new ComplaintId(id), amount, form.text(), form.location(), a.email()), exchange, model));
    }

    @PostMapping("/admin/complaints/{id}/paid-back")
    Mono<String> adminPaidBack(@PathVariable UUID id, @ModelAttribute AnswerForm form, ServerWebExchange exchange, Model model) {
        if (!form.given()) {
            return adminPage(model, ComplaintPages.unconfirmed(exchange));
        }
        return current.get().flatMap(a -> adminStep(complaints.paidBack(new ComplaintId(id), a.email()), exchange, model));
    }

    private Mono<String> producerStep(Mono<Complaint> step, ServerWebExchange exchange, Model model) {
        return step.map(c -> "redirect:/producer/complaints?done#c-" + c.id().value())
                .onErrorResume(ComplaintPages::shown, e -> producerPage(model, ComplaintPages.of(e, exchange)));
    }

    private Mono<String> adminStep(Mono<Complaint> step, ServerWebExchange exchange, Model model) {
        return step.map(c -> "redirect:/admin/complaints?done")
                .onErrorResume(ComplaintPages::shown, e -> adminPage(model, ComplaintPages.of(e, exchange)));
    }

    private Mono<String> producerPage(Model model, ComplaintPages problem) {
        model.addAttribute("problem", problem);
        model.addAttribute("role", "producer");
        return current.producer().flatMap(p -> complaints.ofProducer(p).collectList()
                .flatMap(list -> photoCounts(list, model))
                .then(locations.warehousesOf(p).collectList()).doOnNext(l -> model.addAttribute("locations", l)))
                .thenReturn("complaints/desk");
    }

    private Mono<String> adminPage(Model model, ComplaintPages problem) {
        model.addAttribute("problem", problem);
        model.addAttribute("role", "admin");
        return complaints.forAdmin().collectList().flatMap(list -> photoCounts(list, model))
                .then(locations.all(null, null).collectList()).doOnNext(l -> model.addAttribute("locations", l))
                .thenReturn("complaints/desk");
    }

    /** The complaints and how many photos each has (at most 200 complaints a page). */
    private Mono<Void> photoCounts(java.util.List<Complaint> list, Model model) {
        model.addAttribute("complaints", list);
        return reactor.core.publisher.Flux.fromIterable(list)
                .concatMap(c -> complaints.photoCount(c.id()).map(n -> java.util.Map.entry(c.id().value(), n)))
                .collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)
                .doOnNext(counts -> model.addAttribute("photoCounts", counts))
                .then();
    }
}

package vn.ocop.storefront.web.complaints;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.orders.Complaint;
import vn.ocop.orders.ComplaintId;
import vn.ocop.orders.ComplaintReason;
import vn.ocop.orders.Complaints;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.Orders;
import vn.ocop.storefront.security.CurrentAccount;

/**
 * The shopper's complaint pages: the form from the order page's "Khiếu nại" button, and a complaint's page with its
 * thread, where an offer is accepted (after ticking the confirmation) or escalated. Someone else's is 404.
 */
@Controller
class ComplaintPageController {

    private final Complaints complaints;
    private final Orders orders;
    private final CurrentAccount current;

    ComplaintPageController(Complaints complaints, Orders orders, CurrentAccount current) {
        this.complaints = complaints;
        this.orders = orders;
        this.current = current;
    }

    record EscalateForm(String text) {
    }

    record ConfirmForm(Boolean confirmed) {
        boolean given() {
            return Boolean.TRUE.equals(confirmed);
        }
    }

    @GetMapping("/orders/{id}/complaints/new")
    Mono<String> form(@PathVariable UUID id, @RequestParam(defaultValue = "1") int line, Model model) {
        return current.get().flatMap(a -> orders.mine(a.id(), new OrderId(id))).flatMap(o -> newPage(o, line, null, null, model));
    }

    @PostMapping("/orders/{id}/complaints")
    Mono<String> open(@PathVariable UUID id, @Valid @ModelAttribute ComplaintForm form, BindingResult errors, ServerWebExchange exchange, Model model) {
        int line = form.line() == null ? 1 : form.line();
        return current.get().flatMap(a -> orders.mine(a.id(), new OrderId(id)).flatMap(o -> {
            if (errors.hasErrors()) {
                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                return newPage(o, line, form, new ComplaintPages("complaint.error.form", null), model);
            }
            return PhotoUploads.read(form.photos())
                    .flatMap(photos -> complaints.open(a.id(), o.id(), line, form.reason(), form.text(), photos, a.email()))
                    .map(c -> "redirect:/complaints/" + c.id().value() + "?opened")
                    .onErrorResume(ComplaintPages::shown, e -> newPage(o, line, form, ComplaintPages.of(e, exchange), model));
        }));
    }

    @GetMapping("/complaints/{id}")
    Mono<String> page(@PathVariable UUID id, Model model) {
        return current.get().flatMap(a -> complaints.mine(a.id(), new ComplaintId(id))).flatMap(c -> page(c, null, model));
    }

    @PostMapping("/complaints/{id}/accept")
    Mono<String> accept(@PathVariable UUID id, @ModelAttribute ConfirmForm form, ServerWebExchange exchange, Model model) {
        return current.get().flatMap(a -> {
            if (!form.given()) {
                return complaints.mine(a.id(), new ComplaintId(id)).flatMap(c -> page(c, ComplaintPages.unconfirmed(exchange), model));
            }
            return step(complaints.acceptOffer(a.id(), new ComplaintId(id), a.email()), a.id(), id, exchange, model);
        });
    }

    @PostMapping("/complaints/{id}/escalate")
    Mono<String> escalate(@PathVariable UUID id, @ModelAttribute EscalateForm form, ServerWebExchange exchange, Model model) {
        return current.get().flatMap(a -> step(complaints.escalate(a.id(), new ComplaintId(id), form.text(), a.email()), a.id(), id, exchange, model));
    }

    private Mono<String> step(Mono<Complaint> step, UUID account, UUID id, ServerWebExchange exchange, Model model) {
        return step.map(c -> "redirect:/complaints/" + id)
                .onErrorResume(ComplaintPages::shown, e -> {
                    ComplaintPages problem = ComplaintPages.of(e, exchange);
                    return complaints.mine(account, new ComplaintId(id)).flatMap(c -> page(c, problem, model));
                });
    }

    private Mono<String> page(Complaint c, ComplaintPages problem, Model model) {
        model.addAttribute("complaint", c);
        model.addAttribute("problem", problem);
        model.addAttribute("photoBase", "/api/v1/complaints/" + c.id().value() + "/photos/");
        return complaints.photoCount(c.id()).doOnNext(n -> model.addAttribute("photos", n)).thenReturn("complaints/complaint");
    }

    private Mono<String> newPage(Order o, int line, ComplaintForm form, ComplaintPages problem, Model model) {
        Order.Line l = o.lines().stream().filter(x -> x.number() == line).findFirst().orElse(null);
        if (l == null) {
            return Mono.error(new vn.ocop.orders.OrdersException(vn.ocop.orders.OrdersErrorCode.NOT_FOUND, "no such line"));
        }
        model.addAttribute("order", o);
        model.addAttribute("line", l);
        model.addAttribute("reasons", List.of(ComplaintReason.values()));
        model.addAttribute("chosen", form == null ? null : form.reason());
        model.addAttribute("text", form == null ? "" : form.text());
        model.addAttribute("problem", problem);
        return Mono.just("complaints/new");
    }
}

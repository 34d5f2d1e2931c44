package vn.ocop.storefront.web.payments;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.Payments;
import vn.ocop.orders.RefundStatus;

/** ADMIN's page of card refunds that failed (with Stripe's reason) or were canceled, each with "try again". */
@Controller
class RefundAdminPageController {

    private final Payments payments;

    RefundAdminPageController(Payments payments) {
        this.payments = payments;
    }

    @GetMapping("/admin/refunds")
    Mono<String> page(Model model) {
        return page(model, null);
    }

    @PostMapping("/admin/refunds/{id}/retry")
    Mono<String> retry(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return payments.retryRefund(id)
                .map(r -> "redirect:/admin/refunds?retried=" + r.status())
                .onErrorResume(OrdersException.class, e -> {
                    if (e.code() == OrdersErrorCode.NOT_FOUND) {
                        return Mono.error(e);
                    }
                    exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
                    return page(model, e.code() == OrdersErrorCode.REFUND_EXCEEDS_PAYMENT ? "payments.error.refund-exceeds" : "order.error.state");
                });
    }

    private Mono<String> page(Model model, String problem) {
        model.addAttribute("problem", problem);
        return payments.refundsWithStatus(RefundStatus.FAILED).concatWith(payments.refundsWithStatus(RefundStatus.CANCELED))
                .collectList()
                .doOnNext(refunds -> model.addAttribute("refunds", refunds))
                .thenReturn("admin/refunds");
    }
}

package vn.ocop.storefront.web.money;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.ProducerId;
import vn.ocop.orders.InvalidMoneyRequest;
import vn.ocop.orders.Money;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.PayoutOrder;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.money.MoneyForms.PayoutForm;
import vn.ocop.storefront.web.money.MoneyForms.Problems;

/**
 * ADMIN's view of any producer's statement, where payouts are recorded: a payout form with a fresh id (sending it
 * twice records one payout), more than owed refused on the form unless its box is ticked.
 */
@Controller
class AdminStatementPageController {

    private static final String FORM = "payoutForm";

    private final Money money;
    private final Catalog catalog;
    private final CurrentAccount current;

    AdminStatementPageController(Money money, Catalog catalog, CurrentAccount current) {
        this.money = money;
        this.catalog = catalog;
        this.current = current;
    }

    @GetMapping("/admin/money/producers/{id}")
    Mono<String> page(@PathVariable UUID id, @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                      Model model, ServerWebExchange exchange) {
        model.addAttribute(FORM, PayoutForm.fresh(catalog.today())).addAttribute("problems", new Problems());
        return StatementPages.page(money, new ProducerId(id), from, to, catalog.today(), base(id), model, exchange);
    }

    @GetMapping("/admin/money/producers/{id}/statement.csv")
    Mono<ResponseEntity<byte[]>> csv(@PathVariable UUID id, @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return StatementPages.statementCsv(money, new ProducerId(id), from, to, catalog.today());
    }

    @GetMapping("/admin/money/producers/{id}/tax.csv")
    Mono<ResponseEntity<byte[]>> tax(@PathVariable UUID id, @RequestParam(required = false) YearMonth month) {
        return StatementPages.taxCsv(money, new ProducerId(id), month, catalog.today());
    }

    @PostMapping("/admin/money/producers/{id}/payouts")
    Mono<String> pay(@PathVariable UUID id, @Valid @ModelAttribute(FORM) PayoutForm form, BindingResult binding, Model model,
                     ServerWebExchange exchange) {
        Problems problems = new Problems();
        binding.getFieldErrors().forEach(f -> problems.add(f.getField()));
        PayoutOrder order = null;
        try {
            order = problems.any() ? null : form.order();
        } catch (InvalidMoneyRequest e) {
            problems.addAll(e);
        }
        if (order == null) {
            return refused(id, problems, HttpStatus.BAD_REQUEST, model, exchange);
        }
        PayoutOrder payout = order;
        return current.get().flatMap(admin -> money.pay(new ProducerId(id), payout, admin.email()))
                .thenReturn("redirect:" + base(id) + "?paid")
                .onErrorResume(InvalidMoneyRequest.class, e -> refused(id, problems.addAll(e), HttpStatus.BAD_REQUEST, model, exchange))
                .onErrorResume(e -> e instanceof OrdersException o && o.code() == OrdersErrorCode.MORE_THAN_OWED,
                        e -> refused(id, problems.conflict("more-than-owed"), HttpStatus.CONFLICT, model, exchange));
    }

    private Mono<String> refused(UUID id, Problems problems, HttpStatus status, Model model, ServerWebExchange exchange) {
        model.addAttribute("problems", problems);
        return StatementPages.page(money, new ProducerId(id), null, null, catalog.today(), base(id), model, exchange)
                .doOnNext(view -> exchange.getResponse().setStatusCode(status));
    }

    private static String base(UUID id) {
        return "/admin/money/producers/" + id;
    }
}

package vn.ocop.storefront.web.money;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.ProducerId;
import vn.ocop.orders.Money;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.money.MoneyJson.PayoutJson;
import vn.ocop.storefront.web.money.MoneyJson.ProducerBalanceJson;
import vn.ocop.storefront.web.money.MoneyJson.StatementJson;
import vn.ocop.storefront.web.money.MoneyJson.TaxWithheldJson;
import vn.ocop.storefront.web.money.MoneyRequests.PayoutRequest;

/**
 * Statements and tax files: a producer's own (PRODUCER), any producer's and payouts (ADMIN). A period is
 * {@code from} and {@code to} (ISO dates, Asia/Ho_Chi_Minh; a month when either is left out), at most a year.
 */
@RestController
@Tag(name = "Money", description = "Statements, tax withheld, payouts (the money ledger)")
class MoneyApiController {

    private final Money money;
    private final Catalog catalog;
    private final CurrentAccount current;

    MoneyApiController(Money money, Catalog catalog, CurrentAccount current) {
        this.money = money;
        this.catalog = catalog;
        this.current = current;
    }

    @GetMapping("/api/v1/producer/statement")
    @Operation(summary = "Your statement for a period", description = "Sales by channel and location, commission, consignment share, tax withheld, "
            + "net owed, who holds the money, each counterparty's opening and closing balance, payouts, weekly sales.")
    Mono<StatementJson> mine(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        Period p = Period.of(from, to, catalog.today());
        return current.producer().flatMap(producer -> money.statement(producer, p.from(), p.to())).map(StatementJson::of);
    }

    @GetMapping("/api/v1/producer/tax-withheld")
    @Operation(summary = "Tax the marketplace withheld for you in a month (household businesses, Decree 117/2025/NĐ-CP)",
            description = "month as 2026-11 (default: this month); one line per card payment and per refund of one")
    Mono<TaxWithheldJson> myTax(@RequestParam(required = false) YearMonth month) {
        return current.producer().flatMap(producer -> tax(producer, month));
    }

    @GetMapping("/api/v1/admin/money/producers")
    @Operation(summary = "Producers with money in the ledger, and what the marketplace owes each now (below zero: what the producer owes)")
    Mono<List<ProducerBalanceJson>> balances() {
        return money.balances().map(all -> all.stream().map(ProducerBalanceJson::of).toList());
    }

    @GetMapping("/api/v1/admin/money/producers/{id}/statement")
    @Operation(summary = "A producer's statement for a period (ADMIN)")
    Mono<StatementJson> statement(@PathVariable UUID id, @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        Period p = Period.of(from, to, catalog.today());
        return money.statement(new ProducerId(id), p.from(), p.to()).map(StatementJson::of);
    }

    @GetMapping("/api/v1/admin/money/producers/{id}/tax-withheld")
    @Operation(summary = "Tax withheld for a producer in a month (ADMIN)")
    Mono<TaxWithheldJson> tax(@PathVariable UUID id, @RequestParam(required = false) YearMonth month) {
        return tax(new ProducerId(id), month);
    }

    @PostMapping("/api/v1/admin/money/producers/{id}/payouts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a payout to a producer (ADMIN)", description = "409 more-than-owed when it is more than the payer owes and "
            + "payMoreThanOwed is not true; the same id again records nothing more and answers the payout recorded")
    Mono<PayoutJson> pay(@PathVariable UUID id, @Valid @RequestBody PayoutRequest body) {
        return current.get().flatMap(admin -> money.pay(new ProducerId(id), body.order(), admin.email())).map(PayoutJson::of);
    }

    private Mono<TaxWithheldJson> tax(ProducerId producer, YearMonth month) {
        YearMonth m = month == null ? YearMonth.from(catalog.today()) : month;
        return Mono.zip(money.taxWithheld(producer, m), catalog.producer(producer))
                .map(t -> TaxWithheldJson.of(t.getT1(), "HOUSEHOLD".equals(t.getT2().kind())));
    }
}

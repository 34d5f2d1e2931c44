package vn.ocop.storefront.web.money;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.orders.Commissions;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.money.MoneyJson.CommissionRateJson;
import vn.ocop.storefront.web.money.MoneyJson.CommissionRatesJson;
import vn.ocop.storefront.web.money.MoneyRequests.CommissionRequest;

/** Commission rates (ADMIN): the rates in force and the whole history; a new rate from a day, never an edit of an old one. */
@RestController
@Tag(name = "Money", description = "Statements, tax withheld, payouts (the money ledger)")
class CommissionApiController {

    private final Commissions commissions;
    private final CurrentAccount current;

    CommissionApiController(Commissions commissions, CurrentAccount current) {
        this.commissions = commissions;
        this.current = current;
    }

    @GetMapping("/api/v1/admin/money/commission-rates")
    @Operation(summary = "Commission rates in force today and every rate ever set (latest day first)")
    Mono<CommissionRatesJson> rates() {
        return Mono.zip(commissions.inForce(), commissions.history().collectList())
                .map(t -> new CommissionRatesJson(t.getT1().stream().map(CommissionRateJson::of).toList(),
                        t.getT2().stream().map(CommissionRateJson::of).toList()));
    }

    @PostMapping("/api/v1/admin/money/commission-rates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Set a commission rate from a day", description = "ONLINE (per OCOP group, the marketplace's share of online sales) or "
            + "CONSIGNMENT (per outlet, its share of its tills' sales); 0 to 50 %, two decimals at most; from today or a later day within a year. "
            + "It applies to every sale of that day on; earlier days keep their rates.")
    Mono<CommissionRateJson> set(@Valid @RequestBody CommissionRequest body) {
        return current.get().flatMap(admin -> commissions.set(body.change(), admin.email())).map(CommissionRateJson::of);
    }
}

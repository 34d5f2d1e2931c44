package vn.ocop.storefront.web.money;

import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.orders.Money;
import vn.ocop.storefront.security.CurrentAccount;

/** The producer's own statement: a page (printable), its CSV, and the month's tax withheld as CSV. */
@Controller
class StatementPageController {

    private final Money money;
    private final Catalog catalog;
    private final CurrentAccount current;

    StatementPageController(Money money, Catalog catalog, CurrentAccount current) {
        this.money = money;
        this.catalog = catalog;
        this.current = current;
    }

    @GetMapping("/producer/statements")
    Mono<String> page(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to, Model model,
                      ServerWebExchange exchange) {
        return current.producer().flatMap(p -> StatementPages.page(money, p, from, to, catalog.today(), "/producer/statements", model, exchange));
    }

    @GetMapping("/producer/statements/statement.csv")
    Mono<ResponseEntity<byte[]>> csv(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return current.producer().flatMap(p -> StatementPages.statementCsv(money, p, from, to, catalog.today()));
    }

    @GetMapping("/producer/statements/tax.csv")
    Mono<ResponseEntity<byte[]>> tax(@RequestParam(required = false) YearMonth month) {
        return current.producer().flatMap(p -> StatementPages.taxCsv(money, p, month, catalog.today()));
    }
}

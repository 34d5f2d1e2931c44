package vn.ocop.storefront.web.money;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProducerId;
import vn.ocop.orders.InvalidMoneyRequest;
import vn.ocop.orders.Money;

/**
 * What the producer's and ADMIN's statement pages share: the statement for the period asked (this month's, with the
 * period marked wrong and a 400, when the period cannot be a statement's), and the CSV files.
 */
final class StatementPages {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private StatementPages() {
    }

    /** Puts the statement (or this month's and the period's problem) and the links' base on the model; answers the view. */
    static Mono<String> page(Money money, ProducerId producer, LocalDate from, LocalDate to, LocalDate today, String base, Model model,
                             ServerWebExchange exchange) {
        Period asked = Period.of(from, to, today);
        Period month = Period.of(null, null, today);
        model.addAttribute("base", base).addAttribute("today", today).addAttribute("month", YearMonth.from(today));
        return money.statement(producer, asked.from(), asked.to())
                .map(s -> model.addAttribute("periodError", false).addAttribute("period", asked).addAttribute("statement", s))
                .onErrorResume(InvalidMoneyRequest.class, e -> {
                    exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                    return money.statement(producer, month.from(), month.to())
                            .map(s -> model.addAttribute("periodError", true).addAttribute("period", month).addAttribute("statement", s));
                })
                .thenReturn("money/statement");
    }

    static Mono<ResponseEntity<byte[]>> statementCsv(Money money, ProducerId producer, LocalDate from, LocalDate to, LocalDate today) {
        Period p = Period.of(from, to, today);
        return money.statement(producer, p.from(), p.to()).map(s -> csv(MoneyCsv.statement(s), "sao-ke-" + p.from() + "-" + p.to() + ".csv"));
    }

    static Mono<ResponseEntity<byte[]>> taxCsv(Money money, ProducerId producer, YearMonth month, LocalDate today) {
        YearMonth m = month == null ? YearMonth.from(today) : month;
        return money.taxWithheld(producer, m).map(t -> csv(MoneyCsv.tax(t), "thue-khau-tru-" + m + ".csv"));
    }

    private static ResponseEntity<byte[]> csv(byte[] body, String filename) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}

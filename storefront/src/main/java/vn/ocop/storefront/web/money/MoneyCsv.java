package vn.ocop.storefront.web.money;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.ocop.catalog.CatalogTime;
import vn.ocop.orders.Statement;
import vn.ocop.orders.TaxWithheld;

/**
 * Statements and tax files as CSV: UTF-8 with a byte-order mark (so spreadsheet programs read Vietnamese right),
 * comma-separated, one header row, amounts in whole đồng. A text cell that a spreadsheet would take for a formula
 * (starting with =, +, -, @) is prefixed with an apostrophe.
 */
final class MoneyCsv {

    private static final String BOM = "\uFEFF";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CatalogTime.ZONE);

    private MoneyCsv() {
    }

    /**
     * Every ledger row of the period with how it divides (commission, consignment share, VAT, PIT, the producer's net),
     * between an OPENING_BALANCE and a CLOSING_BALANCE row per counterparty (what it owes the producer, in net_vnd).
     */
    static byte[] statement(Statement s) {
        Stream<String> header = Stream.of(row("time", "kind", "channel", "location", "holder", "reference", "amount_vnd", "commission_vnd",
                "consignment_vnd", "vat_vnd", "pit_vnd", "net_vnd"));
        Stream<String> opening = s.balances().stream().map(b -> row(s.from() + " 00:00", "OPENING_BALANCE", "", "", holder(b.holder().label(), b.name()), "",
                "", "", "", "", "", Long.toString(b.opening())));
        Stream<String> entries = s.entries().stream().map(e -> row(TIME.format(e.at()), e.kind().name(), e.channel() == null ? "" : e.channel().name(),
                e.locationName(), holder(e.holder().label(), e.holderName()), e.reference(), Long.toString(e.amount()), Long.toString(e.commission()),
                Long.toString(e.consignment()), Long.toString(e.vat()), Long.toString(e.pit()), Long.toString(e.share())));
        Stream<String> closing = s.balances().stream().map(b -> row(s.to() + " 24:00", "CLOSING_BALANCE", "", "", holder(b.holder().label(), b.name()), "",
                "", "", "", "", "", Long.toString(b.closing())));
        return bytes(Stream.of(header, opening, entries, closing).flatMap(x -> x));
    }

    /** What was withheld in the month, one row per card payment or refund of one, for filing. */
    static byte[] tax(TaxWithheld t) {
        Stream<String> header = Stream.of(row("producer_id", "producer_name", "month", "date", "event_id", "kind", "order_code", "amount_vnd",
                "vat_percent", "vat_vnd", "pit_percent", "pit_vnd"));
        Stream<String> lines = t.lines().stream().map(l -> row(t.producer().value().toString(), t.producerName(), t.month().toString(),
                l.day().toString(), l.event().toString(), l.kind().name(), l.reference(), Long.toString(l.amount()), l.vatRate().toString(),
                Long.toString(l.vat()), l.pitRate().toString(), Long.toString(l.pit())));
        Stream<String> total = Stream.of(row(t.producer().value().toString(), t.producerName(), t.month().toString(), "", "", "TOTAL", "",
                Long.toString(t.amount()), "", Long.toString(t.vat()), "", Long.toString(t.pit())));
        return bytes(Stream.of(header, lines, total).flatMap(x -> x));
    }

    private static String holder(String label, String name) {
        return name == null || name.isEmpty() ? label : label + " (" + name + ")";
    }

    private static byte[] bytes(Stream<String> rows) {
        return (BOM + rows.collect(Collectors.joining())).getBytes(StandardCharsets.UTF_8);
    }

    static String row(String... cells) {
        return List.of(cells).stream().map(MoneyCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+") ? "'" + value : value;
        boolean quote = safe.chars().anyMatch(c -> c == '"' || c == ',' || c == '\n' || c == '\r');
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}

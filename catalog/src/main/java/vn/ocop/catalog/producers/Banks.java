package vn.ocop.catalog.producers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;

/**
 * The banks a producer may name for its payouts, from {@code banks/vn-banks.csv} (see SOURCES.md beside it), in the
 * file's order. Read once, the first time it is asked for; an immutable value everyone may hold.
 */
public final class Banks {

    private static final Banks VIETNAM = new Banks(read("banks/vn-banks.csv"));

    private final Map<String, Bank> byCode;

    private Banks(List<Bank> banks) {
        Map<String, Bank> map = new LinkedHashMap<>();
        banks.forEach(b -> map.put(b.code(), b));
        this.byCode = java.util.Collections.unmodifiableMap(map);
    }

    public static Banks vietnam() {
        return VIETNAM;
    }

    public List<Bank> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Bank> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    private static List<Bank> read(String path) {
        try {
            String text = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
            return text.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", 3))
                    .map(f -> new Bank(f[0].strip(), f[1].strip(), f[2].strip())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the bank list " + path + " is part of the application", e);
        }
    }
}

package vn.ocop.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Vietnam's two administrative levels for delivery addresses: 34 provinces and their 3,321 communes, from
 * {@code address/vn-communes.csv} (official codes; see SOURCES.md beside it). Read once when the application
 * starts, so no request ever waits on the file.
 */
@Service
public class Addresses {

    private final Map<String, Province> provinces;
    private final Map<String, List<Commune>> communes;

    Addresses() {
        this(read("address/vn-communes.csv"));
    }

    private Addresses(List<String[]> rows) {
        Map<String, Province> p = new LinkedHashMap<>();
        Map<String, List<Commune>> c = new LinkedHashMap<>();
        for (String[] r : rows) {
            p.putIfAbsent(r[0], new Province(r[0], r[1], r[2]));
            c.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new Commune(r[0], r[3], r[4], Commune.Kind.valueOf(r[5])));
        }
        c.replaceAll((k, list) -> List.copyOf(list));
        this.provinces = Collections.unmodifiableMap(p);
        this.communes = Collections.unmodifiableMap(c);
    }

    /** The provinces in code order. */
    public List<Province> provinces() {
        return List.copyOf(provinces.values());
    }

    /** The communes of a province in code order; empty for an unknown province. */
    public List<Commune> communes(String provinceCode) {
        return communes.getOrDefault(provinceCode, List.of());
    }

    public Optional<Province> province(String code) {
        return Optional.ofNullable(code == null ? null : provinces.get(code));
    }

    /** The commune with that code in that province; empty when either is unknown or they do not belong together. */
    public Optional<Commune> commune(String provinceCode, String communeCode) {
        return communes(provinceCode).stream().filter(c -> c.code().equals(communeCode)).findFirst();
    }

    private static List<String[]> read(String path) {
        try {
            String text = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
            return text.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the address list " + path + " is part of the application", e);
        }
    }
}

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
import java.text.Normalizer;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;

/**
 * Vietnam's two administrative levels for delivery addresses: 34 provinces and their 3,321 communes, from
 * {@code address/vn-communes.csv} (official codes; see SOURCES.md beside it). Read once, when first asked for
 * (the application asks at start-up), so no request ever waits on the file. An immutable value: everyone may
 * hold it.
 */
public final class Addresses {

    private static volatile Addresses vietnam;

    private final Map<String, Province> provinces;
    private final Map<String, List<Commune>> communes;
    private final Map<String, Province> byName;

    /** The 34 provinces and their communes as of the vendored list. */
    public static Addresses vietnam() {
        Addresses loaded = vietnam;
        if (loaded == null) {
            synchronized (Addresses.class) {
                if (vietnam == null) {
                    vietnam = new Addresses(read("address/vn-communes.csv"));
                }
                loaded = vietnam;
            }
        }
        return loaded;
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
        Map<String, Province> names = new LinkedHashMap<>();
        p.values().forEach(province -> {
            names.put(key(province.name()), province);
            names.put(key(province.shortName()), province);
            names.put(province.code(), province);
        });
        this.byName = Collections.unmodifiableMap(names);
    }

    /**
     * The province a name denotes, however it is written: its code, its full name ("Thành phố Hà Nội"), its short
     * name ("Hà Nội", "TP. Hồ Chí Minh"), with or without diacritics. Locations name their province in words.
     */
    public Optional<Province> provinceNamed(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(key(name)));
    }

    private static String key(String name) {
        String folded = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).replaceAll("[.\\s]+", " ").strip();
        for (String prefix : List.of("thanh pho ", "tinh ", "tp ")) {
            if (folded.startsWith(prefix)) {
                return folded.substring(prefix.length());
            }
        }
        return folded;
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

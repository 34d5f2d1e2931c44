package vn.ocop.catalog.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every row the demo load writes, worked out in memory before the database is touched. */
record DemoPlan(
        List<DemoProducer> producers,
        List<DemoProduct> products,
        List<DemoCertification> certifications,
        List<DemoLocation> locations,
        DemoTillKey tillKey,
        UUID memberProducerId,
        UUID showroomId,
        String memberProvince) {

    static DemoPlan build(DemoData data, LocalDate today) {
        Map<String, DemoProducer> producers = new LinkedHashMap<>();
        List<DemoProduct> products = new ArrayList<>();
        List<DemoCertification> certifications = new ArrayList<>();
        for (OcopRow row : data.rows()) {
            DemoProducer producer = producers.computeIfAbsent(row.producerKey(), key -> DemoProducer.of(row, data.provinces()));
            DemoProduct product = DemoProduct.of(row, producer, data.prices());
            products.add(product);
            certifications.add(DemoCertification.of(row, product.id(), today));
        }
        DemoProducer member = producers.get(memberProducerKey(data.rows()));
        return new DemoPlan(List.copyOf(producers.values()), List.copyOf(products), List.copyOf(certifications),
                DemoLocations.forMember(member), DemoLocations.hanoiTillKey(DemoLoader.TILL_KEY),
                member.id(), DemoLocations.HANOI_SHOWROOM, member.province());
    }

    /**
     * The producer the demo PRODUCER account acts for: the most products among those with at least one published
     * date (so its page shows a real decision), ties broken by name. Independent of today, so it never moves.
     */
    static String memberProducerKey(List<OcopRow> rows) {
        Map<String, List<OcopRow>> byProducer = rows.stream()
                .collect(Collectors.groupingBy(OcopRow::producerKey, LinkedHashMap::new, Collectors.toList()));
        return byProducer.entrySet().stream()
                .filter(producer -> producer.getValue().stream().anyMatch(OcopRow::hasPublishedDate))
                .min(Comparator.comparingInt((Map.Entry<String, List<OcopRow>> producer) -> -producer.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .orElseThrow(() -> new IllegalStateException("no demo producer has a published date"))
                .getKey();
    }

    DemoCounts counts() {
        return new DemoCounts(producers.size(), products.size(), locations.size());
    }

    LoadedDemo loaded(boolean alreadyPresent, DemoCounts counts) {
        return new LoadedDemo(alreadyPresent, counts.producers(), counts.products(), counts.locations(),
                memberProducerId, showroomId, memberProvince);
    }
}

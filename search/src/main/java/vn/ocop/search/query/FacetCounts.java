package vn.ocop.search.query;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ocop.search.PriceRange;
import vn.ocop.search.SearchResult;
import vn.ocop.search.index.ProductDocument;
import vn.ocop.search.query.Filters.Facet;

/**
 * The facets as aggregations, and read back from the answer. Each facet is a {@code filter} aggregation of every
 * active filter but its own, around the counting aggregation of the same name ("multi-select" facets). A facet that
 * no other filter narrows is the counting aggregation alone: a {@code filter} of nothing still visits every hit, and
 * without it Elasticsearch can count a range or a few terms by its faster paths (a search with no filter, the
 * commonest, costs the node about a tenth less).
 */
public final class FacetCounts {

    private FacetCounts() {
    }

    public static Map<String, Aggregation> aggregations(Filters filters, LocalDate today) {
        return Map.of(
                "groups", counted(filters, Facet.GROUP, "groups", Aggregation.of(a -> a.terms(t -> t.field("group").size(10)))),
                "provinces", counted(filters, Facet.PROVINCE, "provinces", Aggregation.of(a -> a.terms(t -> t.field("province").size(40)))),
                // everything searched is on sale (valid today at 3, 4 or 5 stars): what has neither 5 nor 4 stars has 3, so
                // the third bucket is the "other" one, and two filters of three clauses count all three (not three of six)
                "stars", counted(filters, Facet.STARS, "stars", Aggregation.of(a -> a.filters(f -> f
                        .filters(k -> k.keyed(Map.of("5", ProductQueries.starsOn(5, today), "4", ProductQueries.starsOn(4, today))))
                        .otherBucket(true).otherBucketKey("3")))),
                "prices", counted(filters, Facet.PRICE, "prices", Aggregation.of(a -> a.range(g -> g.field("price")
                        .ranges(Arrays.stream(PriceRange.values()).map(FacetCounts::range).toList())))),
                // a location's name is read from one of its bucket's documents: ids alone would need a lookup
                "availableAt", counted(filters, Facet.AVAILABLE_AT, "availableAt", Aggregation.of(a -> a
                        .terms(t -> t.field("available_at.id").size(50))
                        .aggregations("document", d -> d.topHits(h -> h.size(1).source(src -> src.filter(f -> f.includes("available_at"))))))),
                // one count, under every other filter: itself a filter aggregation, never wrapped
                "inStock", Aggregation.of(a -> a.filter(q -> q.bool(b -> b.filter(filters.allBut(Facet.IN_STOCK)).filter(Filters.IN_STOCK)))));
    }

    public static SearchResult.Facets read(Map<String, Aggregate> aggs) {
        return new SearchResult.Facets(terms(inner(aggs, "groups")), terms(inner(aggs, "provinces")), stars(inner(aggs, "stars")),
                prices(inner(aggs, "prices")), pickups(inner(aggs, "availableAt")), aggs.get("inStock").filter().docCount());
    }

    private static Aggregation counted(Filters filters, Facet facet, String name, Aggregation counting) {
        return filters.narrow(facet) ? Aggregation.of(a -> a.filter(filters.allBut(facet)).aggregations(name, counting)) : counting;
    }

    /** The counting aggregation, inside its filter or not. */
    private static Aggregate inner(Map<String, Aggregate> aggs, String name) {
        Aggregate a = aggs.get(name);
        return a.isFilter() ? a.filter().aggregations().get(name) : a;
    }

    private static AggregationRange range(PriceRange r) {
        return AggregationRange.of(x -> {
            x.key(r.id());
            if (r.minPrice() != null) {
                x.from(r.minPrice().doubleValue());
            }
            return r.below() == null ? x : x.to(r.below().doubleValue());
        });
    }

    private static Map<String, Long> terms(Aggregate a) {
        Map<String, Long> out = new LinkedHashMap<>();
        a.sterms().buckets().array().forEach(b -> out.put(b.key().stringValue(), b.docCount()));
        return out;
    }

    private static Map<Integer, Long> stars(Aggregate a) {
        Map<Integer, Long> out = new LinkedHashMap<>();
        a.filters().buckets().keyed().forEach((k, b) -> out.put(Integer.parseInt(k), b.docCount()));
        return out;
    }

    private static List<SearchResult.PriceFacet> prices(Aggregate a) {
        return a.range().buckets().array().stream().map(b -> {
            PriceRange r = PriceRange.byId(b.key());
            return new SearchResult.PriceFacet(r.id(), r.minPrice(), r.maxPrice(), b.docCount());
        }).toList();
    }

    private static List<SearchResult.PickupFacet> pickups(Aggregate a) {
        return a.sterms().buckets().array().stream().map(b -> {
            String id = b.key().stringValue();
            return new SearchResult.PickupFacet(UUID.fromString(id), locationName(b.aggregations().get("document"), id), b.docCount());
        }).toList();
    }

    private static String locationName(Aggregate document, String id) {
        return document.topHits().hits().hits().stream()
                .flatMap(h -> h.source().to(ProductDocument.class).availableAt().stream())
                .filter(o -> o.id().equals(id))
                .map(ProductDocument.Outlet::name)
                .findFirst().orElse(id);
    }
}

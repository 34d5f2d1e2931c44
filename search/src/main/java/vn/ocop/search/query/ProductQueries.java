package vn.ocop.search.query;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.ocop.search.SearchRequest;

/**
 * The queries, built once here. Every query is restricted to what is on sale on {@code today}: ACTIVE
 * listing, ACTIVE producer, and a 3–5 star ranking whose date range contains today (so expiry needs no
 * re-index). Text matches the exact-diacritics fields (boosted), the folded twins, Telex-typed words and,
 * with fuzziness, typos; a partial match keeps long queries with an unknown word useful.
 */
public final class ProductQueries {

    static final String[] FOLDED_FIELDS = {"name_folded^3", "producer_folded^2", "provinces_folded^1.5", "group_folded", "description_folded^0.3"};

    private ProductQueries() {
    }

    public static Query onSale(LocalDate today) {
        String day = today.toString();
        return Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("status").value("ACTIVE")))
                .filter(f -> f.term(t -> t.field("producer_status").value("ACTIVE")))
                .filter(f -> f.bool(v -> v.minimumShouldMatch("1")
                        .should(validOn("validity_3", day), validOn("validity_4", day), validOn("validity_5", day))))));
    }

    /** Exactly {@code stars} stars today: valid with that many, and not with more (the most is what shows). */
    public static Query starsOn(int stars, LocalDate today) {
        String day = today.toString();
        return Query.of(q -> q.bool(b -> {
            b.filter(validOn("validity_" + stars, day));
            for (int more = stars + 1; more <= 5; more++) {
                b.mustNot(validOn("validity_" + more, day));
            }
            return b;
        }));
    }

    public static Query text(QueryText text) {
        return Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(s -> s.multiMatch(m -> m.query(text.original()).fields("name^4", "producer^2", "description^0.3")
                        .operator(Operator.And).boost(3f)))
                .should(s -> s.matchPhrase(m -> m.field("name_folded").query(text.folded()).boost(2f)))
                .should(s -> s.multiMatch(m -> m.query(text.folded()).fields(List.of(FOLDED_FIELDS))
                        .type(TextQueryType.CrossFields).operator(Operator.And).boost(2f)))
                .should(s -> s.multiMatch(m -> m.query(text.telex()).fields(List.of(FOLDED_FIELDS))
                        .type(TextQueryType.CrossFields).operator(Operator.And).boost(1.5f)))
                .should(s -> s.multiMatch(m -> m.query(text.telex()).fields(List.of(FOLDED_FIELDS))
                        .fuzziness("AUTO").prefixLength(1).operator(Operator.And).boost(0.8f)))
                .should(s -> s.multiMatch(m -> m.query(text.folded()).fields(List.of(FOLDED_FIELDS))
                        .type(TextQueryType.CrossFields).minimumShouldMatch("2<60%").boost(0.3f)))));
    }

    /** The shopper's filters, applied after the facets are counted so every facet shows its alternatives. */
    public static Query filters(SearchRequest r, Integer stars, LocalDate today) {
        List<Query> all = new ArrayList<>();
        if (r.group() != null) {
            all.add(Query.of(q -> q.term(t -> t.field("group").value(r.group().name()))));
        }
        if (r.province() != null) {
            all.add(Query.of(q -> q.term(t -> t.field("provinces").value(r.province()))));
        }
        if (stars != null) {
            all.add(starsOn(stars, today));
        }
        if (r.availableAt() != null) {
            all.add(Query.of(q -> q.term(t -> t.field("available_at.id").value(r.availableAt().value().toString()))));
        }
        if (r.minPrice() != null || r.maxPrice() != null) {
            all.add(Query.of(q -> q.range(g -> g.number(n -> {
                n.field("price");
                if (r.minPrice() != null) {
                    n.gte(r.minPrice().doubleValue());
                }
                return r.maxPrice() == null ? n : n.lte(r.maxPrice().doubleValue());
            }))));
        }
        return Query.of(q -> q.bool(b -> b.filter(all)));
    }

    public static Map<String, Aggregation> facets(LocalDate today) {
        return Map.of(
                "groups", Aggregation.of(a -> a.terms(t -> t.field("group").size(10))),
                "provinces", Aggregation.of(a -> a.terms(t -> t.field("province").size(40))),
                "stars", Aggregation.of(a -> a.filters(f -> f.filters(k -> k.keyed(Map.of(
                        "5", starsOn(5, today), "4", starsOn(4, today), "3", starsOn(3, today)))))),
                "prices", Aggregation.of(a -> a.range(g -> g.field("price")
                        .ranges(List.of(
                                AggregationRange.of(x -> x.key("<100000").to(100_000.0)),
                                AggregationRange.of(x -> x.key("100000-200000").from(100_000.0).to(200_000.0)),
                                AggregationRange.of(x -> x.key("200000-500000").from(200_000.0).to(500_000.0)),
                                AggregationRange.of(x -> x.key(">=500000").from(500_000.0)))))),
                // a location's name is read from one of its bucket's documents: ids alone would need a lookup
                "availableAt", Aggregation.of(a -> a.terms(t -> t.field("available_at.id").size(50))
                        .aggregations("document", d -> d.topHits(h -> h.size(1).source(src -> src.filter(f -> f.includes("available_at")))))));
    }

    public static List<SortOptions> sort(SearchRequest.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> List.of(score(), field("stars", SortOrder.Desc), field("id", SortOrder.Asc));
            case PRICE_ASC -> List.of(field("price", SortOrder.Asc), score(), field("id", SortOrder.Asc));
            case PRICE_DESC -> List.of(field("price", SortOrder.Desc), score(), field("id", SortOrder.Asc));
            case STARS -> List.of(field("stars", SortOrder.Desc), score(), field("id", SortOrder.Asc));
            case NEWEST -> List.of(field("created_at", SortOrder.Desc), field("id", SortOrder.Asc));
        };
    }

    /** Suggestions as you type: every folded word must start a word of the name, in order. */
    public static Query prefix(QueryText text) {
        return Query.of(q -> q.matchBoolPrefix(m -> m.field("name_folded").query(text.folded()).operator(Operator.And)));
    }

    private static Query validOn(String field, String day) {
        return Query.of(q -> q.term(t -> t.field(field).value(day)));
    }

    private static SortOptions score() {
        return SortOptions.of(s -> s.score(x -> x.order(SortOrder.Desc)));
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(name).order(order)));
    }
}

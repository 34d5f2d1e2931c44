package vn.ocop.search.query;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.time.LocalDate;
import java.util.List;
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

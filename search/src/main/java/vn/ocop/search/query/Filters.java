package vn.ocop.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.ocop.search.SearchRequest;

/**
 * The shopper's filters, one clause per facet. The hits are filtered by all of them (a post filter, so the
 * facets are counted first); each facet is counted under all the others but not its own, so choosing a
 * province still lists the other provinces with what they would hold under the shopper's other filters.
 */
public final class Filters {

    /** The facets a filter belongs to. */
    public enum Facet { GROUP, PROVINCE, STARS, PRICE, AVAILABLE_AT, IN_STOCK }

    private final Map<Facet, Query> clauses;

    private Filters(Map<Facet, Query> clauses) {
        this.clauses = clauses;
    }

    /** @param stars the stars asked for, by the filter or by the text ("4 sao"), or null */
    public static Filters of(SearchRequest r, Integer stars, LocalDate today) {
        Map<Facet, Query> clauses = new EnumMap<>(Facet.class);
        if (r.group() != null) {
            clauses.put(Facet.GROUP, Query.of(q -> q.term(t -> t.field("group").value(r.group().name()))));
        }
        if (r.province() != null) {
            clauses.put(Facet.PROVINCE, Query.of(q -> q.term(t -> t.field("provinces").value(r.province()))));
        }
        if (stars != null) {
            clauses.put(Facet.STARS, ProductQueries.starsOn(stars, today));
        }
        if (r.minPrice() != null || r.maxPrice() != null) {
            clauses.put(Facet.PRICE, price(r.minPrice(), r.maxPrice()));
        }
        if (r.availableAt() != null) {
            clauses.put(Facet.AVAILABLE_AT, Query.of(q -> q.term(t -> t.field("available_at.id").value(r.availableAt().value().toString()))));
        }
        if (r.inStock()) {
            clauses.put(Facet.IN_STOCK, IN_STOCK);
        }
        return new Filters(clauses);
    }

    /** Some location can supply it now (the catalog's {@code StockState}, kept in the document by its triggers). */
    static final Query IN_STOCK = Query.of(q -> q.term(t -> t.field("in_stock").value(true)));

    /** Every filter: what the hits must match. */
    public Query all() {
        return and(List.copyOf(clauses.values()));
    }

    /** Whether a filter other than the facet's own is active, so that the facet counts under something. */
    boolean narrow(Facet facet) {
        return clauses.keySet().stream().anyMatch(f -> f != facet);
    }

    /** Every filter but the facet's own: what that facet counts under. */
    Query allBut(Facet facet) {
        return and(clauses.entrySet().stream().filter(e -> e.getKey() != facet).map(Map.Entry::getValue).toList());
    }

    private static Query and(List<Query> queries) {
        return Query.of(q -> q.bool(b -> b.filter(queries)));
    }

    private static Query price(Long min, Long max) {
        return Query.of(q -> q.range(g -> g.number(n -> {
            n.field("price");
            if (min != null) {
                n.gte(min.doubleValue());
            }
            return max == null ? n : n.lte(max.doubleValue());
        })));
    }
}

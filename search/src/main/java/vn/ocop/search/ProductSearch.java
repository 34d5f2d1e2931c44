package vn.ocop.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.listings.ProductCard;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductQuery;
import vn.ocop.catalog.stock.ProductStock;
import vn.ocop.catalog.Synonyms;
import vn.ocop.search.fallback.FoldedProducts;
import vn.ocop.search.index.ProductDocument;
import vn.ocop.search.index.ProductIndex;
import vn.ocop.search.query.FacetCounts;
import vn.ocop.search.query.Filters;
import vn.ocop.search.query.Highlighter;
import vn.ocop.search.query.ProductQueries;
import vn.ocop.search.query.QueryText;

/**
 * Searching what is on sale, in Vietnamese with or without diacritics. Answers from Elasticsearch; when it
 * cannot be reached, from PostgreSQL (folded name and producer match, no facets) and says so. The PostgreSQL answer
 * applies the same filters.
 */
@Service
public class ProductSearch {

    private static final Logger log = LoggerFactory.getLogger(ProductSearch.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int SUGGESTIONS = 8;
    /** Elasticsearch's index.max_result_window, which our index leaves at its default. */
    static final int MAX_RESULT_WINDOW = 10_000;
    /** What a hit shows (SearchResult.Hit, stars from the validity ranges): never the description, the largest field. */
    private static final List<String> HIT_FIELDS = List.of("id", "name", "producer", "province", "former_province", "group",
            "price", "sales_unit", "validity_3", "validity_4", "validity_5", "producer_id", "rating", "rating_count");

    private final ElasticsearchAsyncClient es;
    private final ProductIndex index;
    private final FoldedProducts folded;
    private final Catalog catalog;
    private final Synonyms synonyms;

    ProductSearch(ElasticsearchAsyncClient es, ProductIndex index, FoldedProducts folded, Catalog catalog, Synonyms synonyms) {
        this.es = es;
        this.index = index;
        this.folded = folded;
        this.catalog = catalog;
        this.synonyms = synonyms;
    }

    /**
     * Products matching every word of {@code q}; only when there are none and {@code q} has two words or more, the
     * closest ones, marked partial (a second query, run only then).
     */
    public Mono<SearchResult> search(SearchRequest request) {
        QueryText text = QueryText.of(request.q(), synonyms);
        return elasticsearch(request, text, false)
                .flatMap(strict -> strict.total() > 0 || text.words().size() < 2 ? Mono.just(strict)
                        : elasticsearch(request, text, true).map(SearchResult::asPartial))
                .timeout(TIMEOUT)
                .onErrorResume(e -> {
                    log.warn("Search answered from PostgreSQL, Elasticsearch failed: {}", e.toString());
                    return postgres(request, text);
                });
    }

    /**
     * The stars typed in {@code q} ("nuoc mam 4 sao"), which {@link #search} reads as the stars filter, and the words
     * without them: for a page that shows that filter in force like one chosen from the facet.
     */
    public Optional<TypedStars> typedStars(String q) {
        QueryText text = QueryText.of(q);
        return text.stars() == null ? Optional.empty() : Optional.of(new TypedStars(text.original(), text.stars()));
    }

    /** Always from PostgreSQL (the folded-name fallback): for diagnosis, and as the benchmark's baseline. */
    public Mono<SearchResult> searchPostgres(SearchRequest request) {
        return postgres(request, QueryText.of(request.q(), synonyms));
    }

    /**
     * Up to 8 names of products on sale matching every word typed so far, the way {@link #search} matches them, the
     * last word as a prefix from its first letter; when Elasticsearch cannot be reached, names on sale containing
     * every typed word, from PostgreSQL, marked degraded.
     */
    public Mono<Suggestions> suggest(String typed) {
        QueryText text = QueryText.of(typed, synonyms);
        if (text.isBlank()) {
            return Mono.just(Suggestions.NONE);
        }
        Query query = Query.of(q -> q.bool(b -> b.filter(ProductQueries.onSale(catalog.today())).must(ProductQueries.prefix(text))));
        return Mono.fromFuture(() -> es.search(s -> s.index(index.alias()).query(query).size(SUGGESTIONS)
                        .source(src -> src.filter(f -> f.includes("name"))), ProductDocument.class))
                .map(r -> new Suggestions(r.hits().hits().stream().map(h -> h.source().name()).distinct().toList(), false))
                .timeout(TIMEOUT)
                .onErrorResume(e -> {
                    log.warn("Suggestions answered from PostgreSQL, Elasticsearch failed: {}", e.toString());
                    return folded.matching(text.original(), SUGGESTIONS * 4).collectList()
                            .flatMap(ids -> catalog.sellableProducts(ids).map(ProductCard::name).distinct().take(SUGGESTIONS).collectList())
                            .map(names -> new Suggestions(names, true));
                });
    }

    /** The last word counts as a prefix once it has this many letters ("nuoc ma" finds "Nước mắm"). */
    private static final int PREFIX_FROM = 2;

    private Mono<SearchResult> elasticsearch(SearchRequest r, QueryText text, boolean partial) {
        var today = catalog.today();
        Integer stars = r.stars() != null ? r.stars() : text.stars();
        Query query = Query.of(q -> q.bool(b -> {
            b.filter(ProductQueries.onSale(today));
            return text.isBlank() ? b : b.must(partial ? ProductQueries.partial(text, PREFIX_FROM) : ProductQueries.text(text, PREFIX_FROM));
        }));
        Filters filters = Filters.of(r, stars, today);
        // Elasticsearch refuses from + size beyond its result window: a page past it asks for no hits (total and facets still count)
        long from = (long) r.page() * r.size();
        int size = (int) Math.max(0, Math.min(r.size(), MAX_RESULT_WINDOW - from));
        int offset = size == 0 ? 0 : (int) from;
        return Mono.fromFuture(() -> es.search(s -> s.index(index.alias()).query(query)
                        .postFilter(filters.all())
                        .aggregations(FacetCounts.aggregations(filters, today))
                        .sort(ProductQueries.sort(r.sort()))
                        .from(offset).size(size)
                        .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
                        .trackTotalHits(t -> t.enabled(true)), ProductDocument.class))
                .flatMap(response -> {
                    List<UUID> ids = response.hits().hits().stream().map(h -> UUID.fromString(h.source().id())).toList();
                    return stockOf(ids).map(stock -> result(response, ids, stock, text, today));
                });
    }

    /**
     * The stock and units sold of the page's hits, from PostgreSQL by primary key (one query): current to the second,
     * where the index would only be as fresh as its last drain and would re-index a product at every sale.
     */
    private Mono<Map<ProductId, ProductStock>> stockOf(List<UUID> ids) {
        return catalog.stock(ids.stream().map(ProductId::new).toList());
    }

    /** The answer: {@code ids} are the hits' ids, in their order, parsed once. */
    private static SearchResult result(SearchResponse<ProductDocument> response, List<UUID> ids, Map<ProductId, ProductStock> stock,
                                       QueryText text, java.time.LocalDate today) {
        Highlighter highlighter = Highlighter.of(text);
        var found = response.hits().hits();
        List<SearchResult.Hit> hits = java.util.stream.IntStream.range(0, found.size()).mapToObj(i -> {
            ProductDocument d = found.get(i).source();
            UUID id = ids.get(i);
            return new SearchResult.Hit(id, d.name(), highlighter.mark(d.name()), d.producer(),
                    d.province(), d.formerProvince(), d.group(), d.starsOn(today), d.price(), d.salesUnit(),
                    stock.getOrDefault(new ProductId(id), ProductStock.NONE),
                    d.producerId() == null ? null : UUID.fromString(d.producerId()), d.rating(), d.ratingCount());
        }).toList();
        var facets = FacetCounts.read(response.aggregations());
        return new SearchResult(hits, response.hits().total() == null ? hits.size() : response.hits().total().value(), facets, false);
    }

    /**
     * The PostgreSQL answer honours every filter (group, province, stars, price, pickup location, in stock), as the active
     * filters shown above the results say; it has no facets.
     */
    private Mono<SearchResult> postgres(SearchRequest r, QueryText text) {
        Integer stars = r.stars() != null ? r.stars() : text.stars();
        ProductQuery q = new ProductQuery(r.group(), r.province(), r.availableAt(), stars, r.minPrice(), r.maxPrice(), r.inStock(),
                r.page() * r.size(), r.size());
        Highlighter highlighter = Highlighter.of(text);
        if (text.isBlank()) {
            return catalog.sellableProducts(q).map(c -> hit(c, highlighter)).collectList()
                    .zipWith(catalog.countSellable(q), (hits, total) -> new SearchResult(hits, total, SearchResult.Facets.NONE, true));
        }
        // the closest names first; with a filter, more of them, as the filter drops some
        int wanted = (r.page() + 1) * r.size();
        return folded.matching(text.original(), q.filtered() ? 2000 : Math.min(wanted * 4, 2000)).collectList()
                .flatMap(ids -> catalog.sellableProducts(ids, q).collectList())
                .map(cards -> {
                    List<SearchResult.Hit> all = cards.stream().map(c -> hit(c, highlighter)).toList();
                    int from = Math.min(all.size(), r.page() * r.size());
                    return new SearchResult(all.subList(from, Math.min(all.size(), from + r.size())), all.size(), SearchResult.Facets.NONE, true);
                });
    }

    private static SearchResult.Hit hit(ProductCard c, Highlighter highlighter) {
        return new SearchResult.Hit(c.id(), c.name(), highlighter.mark(c.name()), c.producerName(), c.province(),
                c.formerProvince(), c.group().name(), c.stars().value(), c.price().dong(), c.salesUnit(), c.stock(),
                c.producerId().value(), c.rating().rated() ? c.rating().sortValue() : null, c.rating().count());
    }
}

package vn.ocop.search.query;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.ocop.catalog.Synonyms;
import vn.ocop.search.SearchRequest;

/**
 * The queries, built once here. Every query is restricted to what is on sale on {@code today}: ACTIVE
 * listing, ACTIVE producer, and a 3–5 star ranking whose date range contains today (so expiry needs no
 * re-index). Text must match every word (see {@link #text}); only when nothing does, {@link #partial} finds the closest.
 */
public final class ProductQueries {

    static final String[] FOLDED_FIELDS = {"name_folded^3", "producer_folded^2", "provinces_folded^1.5", "group_folded", "joined_folded^0.8"};
    static final String[] EXACT_FIELDS = {"name^3", "producer^2"};
    /** Name, producer and provinces folded, in one field: typos and prefixes are looked up there only. */
    static final String WORDS = "words_folded";
    /** Each two neighbouring words of the name, producer or a province, joined ("ha giang" → "hagiang"); never fuzzy. */
    static final String JOINED = "joined_folded";

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

    /**
     * Products that match every word of the query, ranked by relevance. A word matches a product when its name,
     * producer, provinces or group has it (folded; typed in Telex; with one typo from 5 letters, two from 8), or one of
     * its synonyms (a one-word synonym with its diacritics, a phrase folded), or it is part of a run of words that
     * matches joined or as a synonym ("ca phe" = "caphe" = "cafe"); the last word may also start a word, when it has
     * {@code prefixFrom} letters or more. Scoring-only clauses rank exact-diacritics and whole-name-phrase matches first;
     * they let nothing in.
     */
    public static Query text(QueryText text, int prefixFrom) {
        List<Query> words = words(text, prefixFrom);
        return Query.of(q -> q.bool(b -> b.must(words).should(ranking(text, prefixFrom))));
    }

    /**
     * The closest products when none matches every word: those matching at least half the words (at least one),
     * the most words first. Run only after {@link #text} found nothing; its results are marked partial.
     */
    public static Query partial(QueryText text, int prefixFrom) {
        List<Query> words = words(text, prefixFrom);
        String atLeast = Integer.toString(Math.max(1, words.size() / 2));
        return Query.of(q -> q.bool(b -> b
                .must(m -> m.bool(any -> any.should(words).minimumShouldMatch(atLeast)))
                .should(ranking(text, prefixFrom))));
    }

    /** One clause per word: the best way it matches, or nothing matches. */
    private static List<Query> words(QueryText text, int prefixFrom) {
        List<Query> out = new ArrayList<>();
        List<QueryText.Word> words = text.words();
        for (int i = 0; i < words.size(); i++) {
            QueryText.Word w = words.get(i);
            List<Query> ways = new ArrayList<>();
            ways.add(folded(w.folded(), 1f));
            if (w.fuzziness() > 0) {
                ways.add(Query.of(q -> q.match(m -> m.field(WORDS).query(w.folded()).fuzziness(Integer.toString(w.fuzziness()))
                        .prefixLength(1).maxExpansions(20).boost(0.5f))));
            }
            if (!w.telex().equals(w.folded())) {
                ways.add(folded(w.telex(), 0.9f));
            }
            w.synonyms().forEach(t -> ways.add(synonym(t)));
            for (QueryText.Phrase p : text.phrases()) {
                if (p.covers(i)) {
                    p.synonyms().forEach(t -> ways.add(synonym(t)));
                    if (p.joined() != null && p.joined().length() >= 4) {
                        ways.add(Query.of(q -> q.term(t -> t.field(JOINED).value(p.joined()).boost(0.9f))));
                    }
                }
            }
            if (i == words.size() - 1 && w.folded().length() >= prefixFrom) {
                ways.add(Query.of(q -> q.prefix(p -> p.field("name_folded").value(w.folded()).boost(1f))));
                ways.add(Query.of(q -> q.prefix(p -> p.field(WORDS).value(w.folded()).boost(0.5f))));
            }
            out.add(Query.of(q -> q.disMax(d -> d.queries(ways))));
        }
        return out;
    }

    /** The word, folded, in the fields a shopper means (not the description: boilerplate there matched everything). */
    private static Query folded(String word, float boost) {
        return Query.of(q -> q.multiMatch(m -> m.query(word).fields(List.of(FOLDED_FIELDS)).operator(Operator.And).boost(boost)));
    }

    /** A synonym: a phrase folded; a word with its diacritics (so "chè" finds chè, never "chế"), or folded when it has none. */
    private static Query synonym(Synonyms.Term t) {
        if (t.isPhrase()) {
            return Query.of(q -> q.multiMatch(m -> m.query(t.folded()).fields(List.of(FOLDED_FIELDS)).type(TextQueryType.Phrase).boost(0.9f)));
        }
        return t.plain() ? folded(t.folded(), 0.9f)
                : Query.of(q -> q.multiMatch(m -> m.query(t.lower()).fields(List.of(EXACT_FIELDS)).operator(Operator.And).boost(0.9f)));
    }

    /**
     * Scoring only: the words with their diacritics as typed, and the folded query as the start of a phrase of the
     * name (a whole phrase when the last word may not be a prefix), so "nuoc ma" ranks "Nước mắm…" first.
     */
    private static List<Query> ranking(QueryText text, int prefixFrom) {
        String typed = text.words().stream().map(QueryText.Word::typed).collect(Collectors.joining(" "));
        boolean prefix = text.words().get(text.words().size() - 1).folded().length() >= prefixFrom;
        return List.of(
                Query.of(q -> q.multiMatch(m -> m.query(typed).fields(List.of(EXACT_FIELDS)).boost(1f))),
                prefix ? Query.of(q -> q.matchPhrasePrefix(m -> m.field("name_folded").query(text.folded()).boost(2f)))
                        : Query.of(q -> q.matchPhrase(m -> m.field("name_folded").query(text.folded()).boost(2f))));
    }

    public static List<SortOptions> sort(SearchRequest.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> List.of(score(), field("stars", SortOrder.Desc), field("id", SortOrder.Asc));
            case PRICE_ASC -> List.of(field("price", SortOrder.Asc), score(), field("id", SortOrder.Asc));
            case PRICE_DESC -> List.of(field("price", SortOrder.Desc), score(), field("id", SortOrder.Asc));
            case STARS -> List.of(field("stars", SortOrder.Desc), score(), field("id", SortOrder.Asc));
            case NEWEST -> List.of(field("created_at", SortOrder.Desc), field("id", SortOrder.Asc));
            case RATING -> List.of(field("rating", SortOrder.Desc), field("rating_count", SortOrder.Desc), score(), field("id", SortOrder.Asc));
        };
    }

    /** Suggestions as you type: the same words as {@link #text}, the last one a prefix from its first letter. */
    public static Query prefix(QueryText text) {
        return text(text, 1);
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

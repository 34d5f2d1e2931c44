package vn.ocop.search.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import vn.ocop.catalog.Folding;
import vn.ocop.catalog.changes.IndexableProduct;
import vn.ocop.catalog.changes.IndexableProduct.IndexableRanking;
import vn.ocop.search.TextFolding;

/**
 * One product in the index. Every text field has a folded twin; {@code words_folded} holds the words a shopper finds
 * it by (name, producer, provinces) folded, {@code joined_folded} each two neighbouring ones joined. The sale rule is applied at query time:
 * {@code validity_3/4/5} hold the date ranges of the product's unrevoked 3, 4 and 5-star rankings, so
 * "valid today with at least N stars" is a term query on today's date, and expiry needs no re-index.
 * {@code available_at} and {@code in_stock} change with stock: the catalog's triggers re-index the product when they do
 * (a stock row starting or stopping to have some available, which is when either can change).
 * {@code rating} (the average of its visible reviews to one decimal, 0 without any) and {@code rating_count} change
 * with reviews: the catalog's {@code product_rating} trigger re-indexes it too.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductDocument(
        String id,
        String name,
        @JsonProperty("name_folded") String nameFolded,
        String description,
        @JsonProperty("description_folded") String descriptionFolded,
        String producer,
        @JsonProperty("producer_folded") String producerFolded,
        String province,
        @JsonProperty("former_province") String formerProvince,
        List<String> provinces,
        @JsonProperty("provinces_folded") String provincesFolded,
        String group,
        @JsonProperty("group_folded") String groupFolded,
        int stars,
        long price,
        @JsonProperty("sales_unit") String salesUnit,
        String status,
        @JsonProperty("producer_status") String producerStatus,
        @JsonProperty("validity_3") List<Map<String, String>> validity3,
        @JsonProperty("validity_4") List<Map<String, String>> validity4,
        @JsonProperty("validity_5") List<Map<String, String>> validity5,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("available_at") List<Outlet> availableAt,
        @JsonProperty("words_folded") String wordsFolded,
        @JsonProperty("joined_folded") String joinedFolded,
        @JsonProperty("in_stock") Boolean inStock,
        @JsonProperty("producer_id") String producerId,
        Double rating,
        @JsonProperty("rating_count") Integer ratingCount) {

    /** Where the product can be picked up now: {@code available_at.id} is a keyword (filter, facet), the name is for display. */
    public record Outlet(String id, String name) {
    }

    public static ProductDocument of(IndexableProduct p) {
        List<String> provinces = Stream.concat(Stream.of(p.province(), p.formerProvince()),
                        p.rankings().stream().map(IndexableRanking::decisionProvince))
                .filter(Objects::nonNull).distinct().toList();
        return new ProductDocument(p.id().value().toString(), p.name(), TextFolding.fold(p.name()),
                p.description(), TextFolding.fold(p.description()), p.producerName(), TextFolding.fold(p.producerName()),
                p.province(), p.formerProvince(), provinces, TextFolding.fold(String.join(" ", provinces)),
                p.group().name(), TextFolding.fold(p.group().vietnameseName()), bestStars(p.rankings()),
                p.price().dong(), p.salesUnit(), p.status().name(), p.producerStatus().name(),
                ranges(p.rankings(), 3), ranges(p.rankings(), 4), ranges(p.rankings(), 5),
                p.createdAt() == null ? null : p.createdAt().toString(),
                p.availableAt().stream().map(l -> new Outlet(l.id().value().toString(), l.name())).toList(),
                words(p.name(), p.producerName(), provinces, false), words(p.name(), p.producerName(), provinces, true), p.inStock(),
                p.producerId() == null ? null : p.producerId().value().toString(), p.rating().sortValue(), p.rating().count());
    }

    /**
     * The words a shopper finds a product by (name, producer, provinces), folded; or, {@code joined}, each two
     * neighbouring words of one of them joined, so a query word typed joined finds them: "Hà Giang" → "hagiang",
     * "cà phê" → "caphe". Words of one letter are not joined: "A" + "nh" is no word anyone types.
     */
    static String words(String name, String producer, List<String> provinces, boolean joined) {
        List<List<String>> texts = Stream.concat(Stream.of(name, producer), provinces.stream()).filter(Objects::nonNull)
                .map(t -> Folding.words(Folding.fold(t))).toList();
        List<String> out = new ArrayList<>();
        for (List<String> words : texts) {
            if (!joined) {
                out.addAll(words);
                continue;
            }
            for (int i = 0; i + 1 < words.size(); i++) {
                if (words.get(i).length() > 1 && words.get(i + 1).length() > 1) {
                    out.add(words.get(i) + words.get(i + 1));
                }
            }
        }
        return String.join(" ", out);
    }

    /** The stars a shopper sees on {@code day}: the most among rankings valid that day, or 0. */
    public int starsOn(LocalDate day) {
        String d = day.toString();
        for (int s = 5; s >= 3; s--) {
            List<Map<String, String>> ranges = s == 5 ? validity5 : s == 4 ? validity4 : validity3;
            if (ranges != null && ranges.stream().anyMatch(r -> covers(r, d))) {
                return s;
            }
        }
        return 0;
    }

    /** The ranges are ISO dates (yyyy-MM-dd), which compare as strings in date order: no parsing for each hit. */
    private static boolean covers(Map<String, String> range, String d) {
        return range.get("gte").compareTo(d) <= 0 && d.compareTo(range.get("lte")) <= 0;
    }

    private static int bestStars(List<IndexableRanking> rankings) {
        return rankings.stream().filter(r -> !r.revoked()).mapToInt(IndexableRanking::stars).filter(s -> s >= 3).max().orElse(0);
    }

    private static List<Map<String, String>> ranges(List<IndexableRanking> rankings, int stars) {
        return rankings.stream().filter(r -> r.stars() == stars && !r.revoked())
                .map(r -> Map.of("gte", r.issuedOn().toString(), "lte", r.validUntil().toString()))
                .toList();
    }
}

package vn.ocop.storefront.web.shop;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.search.PriceRange;
import vn.ocop.search.SearchRequest.Sort;
import vn.ocop.search.SearchResult;

/**
 * The search page's own address and the links that change one thing of it: choose a facet value (back to the
 * first page), drop one filter keeping the text and the others, clear them all, turn the page. Empty values stay
 * out of the links.
 */
record SearchLinks(String q, OcopGroup group, String province, Integer stars, Long minPrice, Long maxPrice, UUID availableAt,
                   boolean inStock, Sort sort) {

    /** One filter in force, its label as a message key with arguments, and the link without it. */
    record ActiveFilter(String name, String labelKey, List<Object> labelArgs, String removeUrl) {
    }

    /** A query parameter a form carries along. */
    record Field(String name, String value) {
    }

    public String page(int page) {
        return url(params(), page);
    }

    public String withGroup(String value) {
        return new SearchLinks(q, OcopGroup.valueOf(value), province, stars, minPrice, maxPrice, availableAt, inStock, sort).page(0);
    }

    public String withProvince(String value) {
        return new SearchLinks(q, group, value, stars, minPrice, maxPrice, availableAt, inStock, sort).page(0);
    }

    public String withStars(int value) {
        return new SearchLinks(q, group, province, value, minPrice, maxPrice, availableAt, inStock, sort).page(0);
    }

    public String withAvailableAt(UUID value) {
        return new SearchLinks(q, group, province, stars, minPrice, maxPrice, value, inStock, sort).page(0);
    }

    public String withPrice(Long min, Long max) {
        return new SearchLinks(q, group, province, stars, min, max, availableAt, inStock, sort).page(0);
    }

    /** Only what some location can supply now ("Còn hàng"). */
    public String withInStock() {
        return new SearchLinks(q, group, province, stars, minPrice, maxPrice, availableAt, true, sort).page(0);
    }

    /** @param name group, province, stars, price, availableAt, inStock or sort */
    public String without(String name) {
        return new SearchLinks(q, name.equals("group") ? null : group, name.equals("province") ? null : province,
                name.equals("stars") ? null : stars, name.equals("price") ? null : minPrice, name.equals("price") ? null : maxPrice,
                name.equals("availableAt") ? null : availableAt, !name.equals("inStock") && inStock,
                name.equals("sort") ? Sort.RELEVANCE : sort).page(0);
    }

    public String clearAll() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "q", q.isEmpty() ? null : q);
        return url(p, 0);
    }

    public boolean hasPrice() {
        return minPrice != null || maxPrice != null;
    }

    public boolean isPrice(SearchResult.PriceFacet range) {
        return Objects.equals(minPrice, range.minPrice()) && Objects.equals(maxPrice, range.maxPrice());
    }

    /** The parameters a form on the page must carry so as to change only its own: "sort" or "price". */
    public List<Field> fieldsBut(String name) {
        Map<String, String> p = params();
        p.remove("q");
        if (name.equals("price")) {
            p.remove("minPrice");
            p.remove("maxPrice");
        }
        p.remove(name);
        return p.entrySet().stream().map(e -> new Field(e.getKey(), e.getValue())).toList();
    }

    /** The filters in force, in the order of the facets, then the sort when it is not the default. */
    public List<ActiveFilter> active(List<SearchResult.PickupFacet> locations) {
        List<ActiveFilter> out = new ArrayList<>();
        if (group != null) {
            out.add(new ActiveFilter("group", "group." + group.name(), List.of(), without("group")));
        }
        if (province != null) {
            out.add(new ActiveFilter("province", "search.filter.value", List.of(province), without("province")));
        }
        if (stars != null) {
            out.add(new ActiveFilter("stars", "search.stars.n", List.of(stars), without("stars")));
        }
        if (hasPrice()) {
            out.add(new ActiveFilter("price", priceKey(), priceArgs(), without("price")));
        }
        if (availableAt != null) {
            String name = locations.stream().filter(l -> l.locationId().equals(availableAt)).map(SearchResult.PickupFacet::name)
                    .findFirst().orElse(null);
            out.add(name == null ? new ActiveFilter("availableAt", "search.available-at.chosen", List.of(), without("availableAt"))
                    : new ActiveFilter("availableAt", "search.filter.value", List.of(name), without("availableAt")));
        }
        if (inStock) {
            out.add(new ActiveFilter("inStock", "stock.filter.in-stock", List.of(), without("inStock")));
        }
        if (sort != Sort.RELEVANCE) {
            out.add(new ActiveFilter("sort", "search.sort." + sort.name(), List.of(), without("sort")));
        }
        return out;
    }

    private String priceKey() {
        for (PriceRange r : PriceRange.values()) {
            if (r.isSearchedBy(minPrice, maxPrice)) {
                return "search.price." + r.id();
            }
        }
        return minPrice == null ? "search.price.up-to" : maxPrice == null ? "search.price.at-least" : "search.price.between";
    }

    private List<Object> priceArgs() {
        return switch (priceKey()) {
            case "search.price.between" -> List.of(minPrice, maxPrice);
            case "search.price.at-least" -> List.of(minPrice);
            case "search.price.up-to" -> List.of(maxPrice);
            default -> List.of();
        };
    }

    private Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "q", q.isEmpty() ? null : q);
        put(p, "group", group == null ? null : group.name());
        put(p, "province", province);
        put(p, "stars", stars);
        put(p, "minPrice", minPrice);
        put(p, "maxPrice", maxPrice);
        put(p, "availableAt", availableAt);
        put(p, "inStock", inStock ? "true" : null);
        put(p, "sort", sort == Sort.RELEVANCE ? null : sort.name());
        return p;
    }

    private static void put(Map<String, String> p, String name, Object value) {
        if (value != null) {
            p.put(name, value.toString());
        }
    }

    private static String url(Map<String, String> params, int page) {
        StringBuilder url = new StringBuilder("/search");
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            url.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            sep = '&';
        }
        if (page > 0) {
            url.append(sep).append("page=").append(page);
        }
        return url.toString();
    }
}

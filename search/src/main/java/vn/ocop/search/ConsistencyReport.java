package vn.ocop.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How the index compares with PostgreSQL, product by product.
 *
 * @param missing products in PostgreSQL with no document
 * @param stale   documents older than the product's latest change
 * @param extra   documents with no product
 */
public record ConsistencyReport(int products, int documents, List<String> missing, List<String> stale, List<String> extra) {

    @JsonProperty("consistent")
    public boolean consistent() {
        return missing.isEmpty() && stale.isEmpty() && extra.isEmpty();
    }
}

package vn.ocop.catalog.demo;

import java.time.LocalDate;
import java.util.Map;
import vn.ocop.catalog.OcopGroup;

/** One row of {@code demo/ocop_products.csv}: a real OCOP product as its source published it. */
record OcopRow(
        String name,
        int stars,
        String producer,
        String province,
        String category,
        String decisionNo,
        String decisionDate,
        String sourceUrl) {

    // the data set's own category names (SOURCES.md), with or without the parenthesised gloss
    private static final Map<String, OcopGroup> GROUPS = Map.of(
            "Thực phẩm", OcopGroup.FOOD,
            "Đồ uống", OcopGroup.DRINKS,
            "Thảo dược", OcopGroup.HERBAL,
            "Lưu niệm - nội thất - trang trí", OcopGroup.HANDICRAFT,
            "Vải và may mặc", OcopGroup.HANDICRAFT,
            "Sinh vật cảnh", OcopGroup.ORNAMENTAL,
            "Dịch vụ du lịch nông thôn", OcopGroup.TOURISM);

    static OcopRow of(Map<String, String> fields) {
        return new OcopRow(
                fields.get("name"),
                Integer.parseInt(fields.get("stars")),
                fields.get("producer"),
                fields.get("province"),
                fields.get("category"),
                fields.get("decision_no"),
                fields.get("decision_date"),
                fields.get("source_url"));
    }

    OcopGroup group() {
        OcopGroup group = GROUPS.get(category.replaceFirst("\\s*\\(.*\\)$", ""));
        if (group == null) {
            throw new IllegalStateException("unknown OCOP category in demo data: " + category);
        }
        return group;
    }

    boolean hasPublishedDate() {
        return !decisionDate.isBlank();
    }

    boolean namesProducer() {
        return !producer.isBlank();
    }

    /** Four tourism spots name no producer in their source; they share one placeholder per province. */
    String producerName() {
        return namesProducer() ? producer : "Chủ thể chưa công bố (" + province + ")";
    }

    String producerKey() {
        return producerName() + "|" + province;
    }

    /** Two rows may share a name (Mật hoa dừa) but never a name, producer and province. */
    String productKey() {
        return name + "|" + producerKey();
    }

    IssueDate issuedOn(LocalDate today) {
        return hasPublishedDate() ? IssueDate.published(decisionDate) : IssueDate.demo(name + "|" + producer, today);
    }

    String decisionNoOrNull() {
        return decisionNo.isBlank() ? null : decisionNo;
    }
}

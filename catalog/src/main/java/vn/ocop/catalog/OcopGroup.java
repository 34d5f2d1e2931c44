package vn.ocop.catalog;

/** The six OCOP product groups of Decision 148/QĐ-TTg (2023). */
public enum OcopGroup {
    FOOD("Thực phẩm"),
    DRINKS("Đồ uống"),
    HERBAL("Dược liệu và sản phẩm từ dược liệu"),
    HANDICRAFT("Thủ công mỹ nghệ"),
    ORNAMENTAL("Sinh vật cảnh"),
    TOURISM("Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch");

    private final String vietnameseName;

    OcopGroup(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }
}

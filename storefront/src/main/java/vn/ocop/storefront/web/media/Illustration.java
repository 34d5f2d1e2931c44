package vn.ocop.storefront.web.media;

import java.util.List;
import java.util.Map;
import vn.ocop.catalog.Folding;
import vn.ocop.catalog.OcopGroup;

/**
 * The drawings shown for a product without an uploaded image (static/images/illustrations/*.svg), one per kind of
 * product, chosen from its OCOP group and the words of its name without diacritics. Pages always say it is an
 * illustration: it shows the kind of product, not this product.
 */
public enum Illustration {
    HONEY, TEA, COFFEE, FISH_SAUCE, RICE, FRUIT, VEGETABLES, CAKES, HANDICRAFT, HERBS, PLANTS, HOMESTAY, DRINKS,
    SPICES, GENERIC;

    /** Every drawing is a square of this many CSS pixels. */
    static final int SIDE = 320;

    /**
     * Phrases of a folded name, tried in this order (the first that matches wins): "kẹo dừa cà phê" is a sweet,
     * "trà gừng" a tea, "nước mắm" a fish sauce before "nước" is a drink, "cà rốt" a vegetable before "cá" a fish.
     */
    private static final List<Map.Entry<Illustration, List<String>>> RULES = List.of(
            Map.entry(HONEY, List.of("mat ong", "ong chua", "sap ong", "phan hoa")),
            Map.entry(CAKES, List.of("banh", "keo", "mut", "socola", "chocolate", "kem")),
            Map.entry(COFFEE, List.of("ca phe", "cafe", "coffee")),
            Map.entry(TEA, List.of("tra", "che")),
            Map.entry(FISH_SAUCE, List.of("nuoc mam", "mam", "nuoc tuong", "tuong", "nuoc mau")),
            Map.entry(DRINKS, List.of("ruou", "vang", "bia", "brandy", "siro")),
            Map.entry(HERBS, List.of("sam", "linh chi", "dong trung", "duoc lieu", "thao duoc", "atiso", "actiso",
                    "tinh dau", "cao", "vien", "nhang", "huong tram", "curcumin", "nha dam", "ha thu o", "yen")),
            Map.entry(DRINKS, List.of("nuoc", "sua")),
            Map.entry(VEGETABLES, List.of("ca rot", "ca chua")),
            Map.entry(FISH_SAUCE, List.of("ca", "tom", "muc", "hau", "ghe", "bach tuoc", "oc", "luon")),
            Map.entry(SPICES, List.of("tieu", "ot", "gung", "que", "hoi", "sa te", "toi", "muoi", "gia vi", "nghe", "mac khen")),
            Map.entry(RICE, List.of("gao", "nep", "com", "bun", "pho", "mien", "my", "ngu coc")),
            Map.entry(FRUIT, List.of("trai", "qua", "buoi", "cam", "xoai", "vai", "nhan", "thanh long", "chuoi", "sau rieng",
                    "mang cut", "mang cau", "dua", "tao", "man", "mit", "chom chom", "nho", "le", "oi", "chanh", "dau tay")),
            Map.entry(VEGETABLES, List.of("rau", "bi", "cai", "mang", "nam", "khoai", "su hao", "kale", "dau", "hanh", "ngong")));

    /** The drawing for a product: its group decides for crafts, plants and tourism; its name for the rest. */
    public static Illustration of(OcopGroup group, String name) {
        switch (group) {
            case HANDICRAFT: return HANDICRAFT;
            case ORNAMENTAL: return PLANTS;
            case TOURISM: return HOMESTAY;
            default: break;
        }
        String words = " " + String.join(" ", Folding.words(Folding.fold(name))) + " ";
        return RULES.stream()
                .filter(rule -> rule.getValue().stream().anyMatch(phrase -> words.contains(" " + phrase + " ")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(group == OcopGroup.DRINKS ? DRINKS : group == OcopGroup.HERBAL ? HERBS : GENERIC);
    }

    /** Where the drawing is served (a static file, cached like the others). */
    public String src() {
        return "/images/illustrations/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".svg";
    }

    /** The message key naming the kind in words ("mật ong", "honey"). */
    public String messageKey() {
        return "media.kind." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

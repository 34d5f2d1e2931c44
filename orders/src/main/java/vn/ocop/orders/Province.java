package vn.ocop.orders;

/** One of the 34 provinces and centrally-run cities (since 2025-07-01): official code, full name, the short name pages use. */
public record Province(String code, String name, String shortName) {

    public Region region() {
        return Region.of(code);
    }
}

package vn.ocop.orders;

/** A commune, ward or special zone (xã, phường, đặc khu) of a province, with its official code. */
public record Commune(String provinceCode, String code, String name, Kind kind) {

    public enum Kind { XA, PHUONG, DAC_KHU }
}

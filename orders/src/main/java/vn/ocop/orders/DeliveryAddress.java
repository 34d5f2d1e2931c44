package vn.ocop.orders;

/** A delivery address in words, as an address label prints it: street, commune, province. */
public record DeliveryAddress(String street, String commune, String province) {
}

package vn.ocop.catalog.locations;

import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.ProducerId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an administrator says of a location. A WAREHOUSE names its producer and nothing else does;
 * coordinates come as a pair or not at all.
 */
public record LocationDetails(LocationKind kind, String name, String province, String address, BigDecimal latitude,
                              BigDecimal longitude, String openingHours, boolean pickupAllowed, ProducerId producer) {

    public LocationDetails {
        Objects.requireNonNull(kind, "kind");
        name = required(name, "name", 200);
        province = required(province, "province", 100);
        address = required(address, "address", 300);
        openingHours = openingHours == null || openingHours.isBlank() ? null : openingHours.strip();
        if ((kind == LocationKind.WAREHOUSE) != (producer != null)) {
            throw invalid("a WAREHOUSE belongs to one producer, and only a warehouse does");
        }
        if ((latitude == null) != (longitude == null)) {
            throw invalid("give both latitude and longitude, or neither");
        }
        if (latitude != null && (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0 || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
            throw invalid("latitude is −90 to 90 and longitude −180 to 180");
        }
        if (openingHours != null && openingHours.length() > 100) {
            throw invalid("opening hours are at most 100 characters");
        }
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank() || value.strip().length() < 2 || value.strip().length() > max) {
            throw invalid(field + " must be 2 to " + max + " characters");
        }
        return value.strip();
    }

    private static CatalogException invalid(String message) {
        return new CatalogException(CatalogErrorCode.INVALID_LOCATION, message);
    }
}

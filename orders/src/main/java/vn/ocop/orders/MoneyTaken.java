package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.Objects;
import vn.ocop.catalog.Vnd;

/** Money a producer's courier or a showroom took for a parcel: how, how much, when and by whom. */
public record MoneyTaken(Method method, Vnd amount, OffsetDateTime at, Actor by) {

    public enum Method { CASH, BANK_TRANSFER }

    public MoneyTaken {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}

package vn.ocop.orders;

import vn.ocop.catalog.Vnd;

/** What sending one parcel costs and how long it takes. */
public record ShippingQuote(ShippingZone zone, Vnd fee, DeliveryWindow window) {
}

package vn.ocop.storefront.web.producer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.ocop.catalog.listings.ListingDetails;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.Vnd;

/**
 * What a producer writes about a listing, from the API's JSON or the page's form, with the limits of
 * {@link ListingDetails} so that a request that passes here is a listing the catalog accepts. Editing also
 * sends the version it was read at.
 */
record ListingForm(
        @NotBlank @Size(min = ListingDetails.NAME_MIN, max = ListingDetails.NAME_MAX)
        @Schema(example = "Mật ong rừng U Minh") String name,
        @Size(max = ListingDetails.DESCRIPTION_MAX) String description,
        @NotNull @Schema(example = "FOOD") OcopGroup group,
        @NotNull @Min(ListingDetails.PRICE_MIN) @Max(ListingDetails.PRICE_MAX)
        @Schema(description = "whole đồng", example = "250000") Long priceVnd,
        @NotBlank @Size(max = ListingDetails.UNIT_MAX) @Schema(example = "chai 500 ml") String salesUnit,
        @NotNull @Min(ListingDetails.WEIGHT_MIN) @Max(ListingDetails.WEIGHT_MAX)
        @Schema(description = "grams of one sales unit with its packaging, 1 to 50,000 (parcels are charged by weight)",
                example = "650") Integer shippingWeightGrams,
        @NotNull(groups = Edit.class) @Min(0)
        @Schema(description = "the version read; required when editing") Long version) {

    /** Validation group of an edit: the version is required. */
    interface Edit {
    }

    ListingForm {
        name = name == null ? null : name.strip();
        salesUnit = salesUnit == null ? null : salesUnit.strip();
    }

    static ListingForm empty() {
        return new ListingForm("", "", null, null, "", null, null);
    }

    static ListingForm of(vn.ocop.catalog.listings.Listing listing) {
        return new ListingForm(listing.name(), listing.description(), listing.group(), listing.price().dong(),
                listing.salesUnit(), listing.shippingWeightGrams(), listing.version());
    }

    ListingDetails details() {
        return new ListingDetails(name, description, group, new Vnd(priceVnd), salesUnit, shippingWeightGrams);
    }
}

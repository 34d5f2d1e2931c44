package vn.ocop.storefront.web.producer;

import vn.ocop.catalog.listings.Listing;

/** Where a listing's public pieces live. */
final class Links {

    static final String IMAGES = vn.ocop.storefront.web.media.Picture.IMAGES;

    private Links() {
    }

    static String image(String fileName) {
        return IMAGES + fileName;
    }

    static String verificationPage(Listing listing) {
        return "/verify/" + listing.verificationCode();
    }

    static String qrCode(Listing listing) {
        return "/producer/products/" + listing.id().value() + "/qr.png";
    }

    static String listingPage(Listing listing) {
        return "/producer/products/" + listing.id().value();
    }
}

/** How pages picture products: uploaded photos with their thumbnails, or an illustration of the product's kind. */
package vn.ocop.storefront.web.media;

/** Locations, till keys, stock and offline till sync over HTTP: the APIs and pages of producers, staff and administrators. */
package vn.ocop.storefront.web.stock;

/** Locations ({@link vn.ocop.catalog.locations.Locations}): warehouses, outlets and pickup points, and the location table. */
package vn.ocop.catalog.locations;

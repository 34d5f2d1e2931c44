/** Product listings: what shoppers can see and buy. */
package vn.ocop.catalog.product;

/** Demo data: the real OCOP products of the bundled data set, loaded once, with invented prices, estimated weights, dates and places marked as demo. */
package vn.ocop.catalog.demo;

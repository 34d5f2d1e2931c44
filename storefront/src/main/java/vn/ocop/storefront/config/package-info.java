/** Application wiring that belongs to no single feature: locale, time, view helpers. */
package vn.ocop.storefront.config;

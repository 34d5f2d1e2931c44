/** Demo data for the embedded default (or --ocop.demo=true): real OCOP products, demo locations and one account per role. */
package vn.ocop.storefront.demo;

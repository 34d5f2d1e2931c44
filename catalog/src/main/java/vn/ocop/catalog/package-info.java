/**
 * The catalog's shared kernel: typed ids, money, stars, OCOP groups, the clock and today, errors, text folding and the
 * jobs' schedule. Each capability is a package below it with its public API and its internals (ADR 0010): stock, lots,
 * locations, listings, producers, rankings, councils, verification, changes, demo.
 */
package vn.ocop.catalog;

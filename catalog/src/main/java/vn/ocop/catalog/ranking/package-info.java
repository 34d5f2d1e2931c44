/** Recording and revoking OCOP rankings, and what councils look up to do it; reached through {@link vn.ocop.catalog.Rankings}. */
package vn.ocop.catalog.ranking;

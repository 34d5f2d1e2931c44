/** The search module's public API: the Elasticsearch product index and the cluster behind it. */
package vn.ocop.search;

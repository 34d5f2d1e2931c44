/** Turning a shopper's words into an Elasticsearch query: folding, typing habits, filters, facets and highlights. */
package vn.ocop.search.query;

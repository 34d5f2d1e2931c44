/** Search from PostgreSQL when Elasticsearch cannot be reached: folded names and producers with a trigram index. */
package vn.ocop.search.fallback;

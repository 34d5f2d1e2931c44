/** Test support shared with every module's tests (as catalog's test-jar): real databases, real Elasticsearch, fixtures. */
package vn.ocop.catalog.testing;

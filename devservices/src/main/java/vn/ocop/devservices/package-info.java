/** Embedded PostgreSQL and a local Elasticsearch node, run as child processes for the embedded default run and for tests. */
package vn.ocop.devservices;

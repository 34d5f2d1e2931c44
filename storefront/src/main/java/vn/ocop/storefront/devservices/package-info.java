/** The embedded default: with no database or Elasticsearch configured, the app starts its own as child processes. */
package vn.ocop.storefront.devservices;

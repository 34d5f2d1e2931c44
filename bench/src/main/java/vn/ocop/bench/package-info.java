/** Benchmarks that drive a running shop over HTTP and print one table each. */
package vn.ocop.bench;

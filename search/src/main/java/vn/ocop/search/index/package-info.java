/** The product index: its mapping, documents, versioned indices behind the alias, and the indexer that keeps it in step. */
package vn.ocop.search.index;

/** Live sale events inside: their tables, flash claims drawn on each offer's pool, and pushes shared through LISTEN/NOTIFY. */
package vn.ocop.orders.live;

/** An order's tables and its moves: read whole and locked, each move written with the guard its step defines, stock moving with it once. */
package vn.ocop.orders.lifecycle;

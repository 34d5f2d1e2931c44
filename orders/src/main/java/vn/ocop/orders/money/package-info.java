/** The money ledger: one row per money event, recorded once; commission rates, tax withheld, statements and payouts computed over it. */
package vn.ocop.orders.money;

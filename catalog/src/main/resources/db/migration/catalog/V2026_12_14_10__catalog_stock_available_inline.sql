-- What a location can promise of a product (the usable lots' units on hand and not reserved, never more than the
-- product's row there says) is now written into each query as a correlated subquery by the app (StockRow.available),
-- no longer called as this function: PostgreSQL cannot inline a SQL function whose body has a subquery, so each call
-- set up an executor of its own, once per stock row. A search's twenty hits' stock cost about 1 ms of the database's
-- time that way against 0.35 ms inline, the same answers. Dropped so that there is one definition; nothing in the
-- schema called it (instances of the previous version did: stop them before this migration runs).
drop function stock_available(uuid, uuid, int, int);

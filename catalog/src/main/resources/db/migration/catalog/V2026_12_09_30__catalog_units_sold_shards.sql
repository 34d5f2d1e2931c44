-- Units sold per product in shards: one counter row per product was a hot row that every till batch selling the
-- product locked from its insert until its commit, so 50 tills reconnecting at once waited on each other there
-- (issue 18: 69 s of 94 s of connection time in a bench run went to that insert). Each product now has up to 32
-- rows, one per shard, and a sale adds to the shard of the database connection that records it: two transactions
-- on one connection never run at once, so batches contend only when their connections share a shard. Units sold
-- is the sum of a product's shards (Availability.UNITS_SOLD), still kept in the same transaction as each sale.

alter table product_sales add column shard smallint not null default 0 check (shard >= 0 and shard < 32);
alter table product_sales drop constraint product_sales_pkey;
alter table product_sales add primary key (product_id, shard);

create function catalog_sales_shard() returns smallint language sql stable parallel safe as $$
    select (pg_backend_pid() % 32)::smallint
$$;

-- as before, a till batch's sales added per product once, in product order (two concurrent batches whose connections
-- share a shard take its rows in one order, so they cannot deadlock)
create or replace function catalog_till_sales_counted() returns trigger language plpgsql as $$
begin
    insert into product_sales as c (product_id, shard, units_sold)
    select product_id, catalog_sales_shard(), sum(quantity) from added where type = 'SALE' group by product_id order by product_id
    on conflict (product_id, shard) do update set units_sold = c.units_sold + excluded.units_sold, updated_at = now();
    return null;
end
$$;

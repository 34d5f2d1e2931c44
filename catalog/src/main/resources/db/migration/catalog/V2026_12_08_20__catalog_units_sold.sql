-- Units sold per product, shown on cards, search results and product pages ("Đã bán 1,2k"): a counter kept in the
-- same transaction as each sale, so a page of cards reads it by primary key instead of summing history.
-- Two sources add to it: tills (SALE movements, by the trigger below) and online order lines that became
-- COMPLETED, which the orders module reports through the catalog's facade (online_sale makes each report count once).

create table product_sales (
    product_id  uuid primary key references product (id),
    units_sold  bigint not null default 0 check (units_sold >= 0),
    updated_at  timestamptz not null default now()
);

create table online_sale (
    id          uuid primary key,
    product_id  uuid not null references product (id),
    quantity    integer not null check (quantity > 0),
    recorded_at timestamptz not null default clock_timestamp()
);

-- A till's batch is one insert statement: its sales are added per product once, in product order (the row locks of
-- two concurrent batches come in one order, so they cannot deadlock on the counters).
create function catalog_till_sales_counted() returns trigger language plpgsql as $$
begin
    insert into product_sales as c (product_id, units_sold)
    select product_id, sum(quantity) from added where type = 'SALE' group by product_id order by product_id
    on conflict (product_id) do update set units_sold = c.units_sold + excluded.units_sold, updated_at = now();
    return null;
end
$$;
create trigger stock_movement_sales_counted after insert on stock_movement
    referencing new table as added for each statement execute function catalog_till_sales_counted();

-- what tills sold before this migration
insert into product_sales (product_id, units_sold)
select product_id, sum(quantity) from stock_movement where type = 'SALE' group by product_id;

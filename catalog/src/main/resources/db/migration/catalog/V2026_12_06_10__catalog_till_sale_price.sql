-- What a till sale took: the unit price in whole đồng, as the till sent it (a showroom may sell below or above the
-- list price), else the product's list price when the sale was applied. The money ledger (orders module) reads
-- till sales with their price through the catalog's TillSales facade, by the time they were applied.
alter table stock_movement add column unit_price_vnd bigint check (unit_price_vnd between 0 and 1000000000);

-- sales applied before prices were kept: the product's list price today is the best that is known
update stock_movement m set unit_price_vnd = p.price_vnd
from product p
where p.id = m.product_id and m.type = 'SALE' and m.unit_price_vnd is null;

alter table stock_movement add constraint stock_movement_sale_priced check ((type = 'SALE') = (unit_price_vnd is not null));

create index stock_movement_sale_applied_idx on stock_movement (applied_at) where type = 'SALE';

-- Parcels are charged by weight (the orders module's shipping fees), so every product says what one sales unit
-- weighs packed, in grams. The default stands for listings made before weights existed, until their producer
-- saves one.
alter table product
    add column shipping_weight_g integer not null default 500 check (shipping_weight_g between 1 and 50000),
    -- demo data: the weight was estimated from the sales unit, shown as such until the producer saves the listing
    add column demo_weight boolean not null default false;

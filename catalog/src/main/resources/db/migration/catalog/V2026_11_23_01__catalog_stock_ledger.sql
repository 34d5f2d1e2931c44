-- Stock per (location, product), changed only through an append-only ledger of movements (DESIGN.md §2).
-- Every movement has a globally unique id made by whoever recorded it (a till, a producer's form, an
-- order): the primary key makes applying it twice impossible, whatever the network did.

create table stock (
    location_id uuid not null references location (id),
    product_id  uuid not null references product (id),
    -- may go below zero: a sale rung up at an offline till is never refused (it is flagged instead)
    on_hand     integer not null default 0,
    -- units promised to online orders and live offers; never more than what is on hand when reserved
    reserved    integer not null default 0 check (reserved >= 0),
    updated_at  timestamptz not null default now(),
    primary key (location_id, product_id)
);
create index stock_product_idx on stock (product_id);

create table stock_movement (
    id              uuid primary key,
    -- server order of application: the ledger's history reads in this order
    seq             bigserial not null unique,
    type            text not null check (type in ('RECEIPT', 'SALE', 'COUNT', 'TRANSFER_OUT', 'TRANSFER_IN',
                                                  'RESERVE', 'RELEASE', 'FULFIL')),
    location_id     uuid not null references location (id),
    product_id      uuid not null references product (id),
    -- a showroom sells many producers' goods on consignment: each movement keeps its producer
    producer_id     uuid not null references producer (id),
    -- the quantity as recorded (for a COUNT: counted − expected), and what it did to the stock row
    quantity        integer not null,
    on_hand_delta   integer not null,
    reserved_delta  integer not null,
    expected        integer,
    counted         integer,
    -- what the movement belongs to: the other leg of a transfer, an order, a live offer
    reference       text check (length(reference) <= 100),
    recorded_by     text not null check (length(recorded_by) between 1 and 200),
    device_id       text check (length(device_id) <= 100),
    note            text check (length(note) <= 500),
    occurred_at     timestamptz not null,
    applied_at      timestamptz not null default clock_timestamp(),
    check ((type = 'COUNT') = (counted is not null and expected is not null))
);
create index stock_movement_history_idx on stock_movement (location_id, product_id, seq);
create index stock_movement_reference_idx on stock_movement (reference) where reference is not null;

-- Offline sales that were applied although they should not have happened: stock went below zero, or the
-- product had stopped being sellable while the till was offline. Staff resolve them on a page.
create table stock_discrepancy (
    id              uuid primary key,
    movement_id     uuid not null references stock_movement (id),
    location_id     uuid not null references location (id),
    product_id      uuid not null references product (id),
    reason          text not null check (reason in ('NEGATIVE_STOCK', 'NOT_SELLABLE')),
    on_hand_after   integer not null,
    created_at      timestamptz not null default clock_timestamp(),
    resolved_at     timestamptz,
    resolved_by     text,
    resolution      text check (length(resolution) <= 500),
    unique (movement_id, reason),
    check ((resolved_at is null) = (resolved_by is null))
);
create index stock_discrepancy_open_idx on stock_discrepancy (location_id, created_at) where resolved_at is null;

-- Movements a till sent that could not be applied (unknown product, wrong location, bad quantity): kept,
-- so that nothing recorded at a till is lost, and shown to staff beside the discrepancies.
create table sync_rejection (
    movement_id     uuid primary key,
    location_id     uuid not null references location (id),
    device_id       text not null,
    reason          text not null,
    movement        jsonb not null,
    received_at     timestamptz not null default clock_timestamp()
);

-- Till versions: a change to a product's price or sale status records the writing transaction's id, so a
-- till can ask for what changed since the snapshot it last saw (pg_snapshot_xmin), missing nothing that
-- committed late.
alter table product_change_version add column last_xid xid8 not null default pg_current_xact_id();
create index product_change_version_xid_idx on product_change_version (last_xid);

create or replace function catalog_change_notify(p_product uuid) returns void language plpgsql as $$
declare
    change_id bigint;
begin
    insert into catalog_change (product_id) values (p_product) returning id into change_id;
    insert into product_change_version (product_id, last_change_id, last_xid) values (p_product, change_id, pg_current_xact_id())
        on conflict (product_id) do update set last_change_id = greatest(product_change_version.last_change_id, excluded.last_change_id),
                                               last_xid = excluded.last_xid;
    perform pg_notify('catalog_change', p_product::text);
end
$$;

-- Where a product can be picked up is in its search document: re-index it when its available stock at a
-- location starts or stops being positive (not at every sale).
create function catalog_stock_changed() returns trigger language plpgsql as $$
begin
    perform catalog_change_notify(new.product_id);
    return null;
end
$$;
create trigger stock_inserted after insert on stock
    for each row when (new.on_hand - new.reserved > 0) execute function catalog_stock_changed();
create trigger stock_changed after update on stock
    for each row when ((old.on_hand - old.reserved > 0) is distinct from (new.on_hand - new.reserved > 0))
    execute function catalog_stock_changed();

-- A location's pickup flag or name decides the "available at" facet of every product stocked there.
create function catalog_location_changed() returns trigger language plpgsql as $$
begin
    perform catalog_change_notify(s.product_id) from stock s where s.location_id = new.id;
    return null;
end
$$;
create trigger location_changed after update on location
    for each row when (old.pickup_allowed is distinct from new.pickup_allowed or old.name is distinct from new.name)
    execute function catalog_location_changed();

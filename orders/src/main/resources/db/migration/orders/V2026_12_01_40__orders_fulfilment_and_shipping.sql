-- Orders that producers and showrooms can carry out. Each fulfilment (one producer's parcel from one
-- location) pays its own shipping fee, by zone and weight, and keeps its delivery window; the money taken for
-- it (cash on delivery, or at the pickup counter) is recorded on it; every move of an order is a row of its
-- history, which the shopper's timeline shows. Orders placed before this keep a shipping fee of 0.

alter table customer_order add column shipping_vnd bigint not null default 0 check (shipping_vnd >= 0);
-- who cancelled (the reason stays in cancel_reason, now a code such as CHANGED_MIND or NOT_COLLECTED)
alter table customer_order add column cancelled_by_kind text check (cancelled_by_kind in ('SHOPPER', 'PRODUCER', 'STAFF', 'SYSTEM', 'PAYMENT'));
alter table customer_order add column cancelled_by text;

alter table fulfilment add column shipping_vnd bigint not null default 0 check (shipping_vnd >= 0);
alter table fulfilment add column weight_g integer not null default 0 check (weight_g >= 0);
alter table fulfilment add column delivery_min_days integer;
alter table fulfilment add column delivery_max_days integer;
alter table fulfilment add column taken_method text check (taken_method in ('CASH', 'BANK_TRANSFER'));
alter table fulfilment add column taken_vnd bigint check (taken_vnd >= 0);
alter table fulfilment add column taken_at timestamptz;
alter table fulfilment add column taken_by_kind text;
alter table fulfilment add column taken_by text;
alter table fulfilment add constraint fulfilment_taken_whole
    check ((taken_method is null) = (taken_vnd is null) and (taken_vnd is null) = (taken_at is null));
alter table fulfilment add constraint fulfilment_window_ordered
    check (delivery_min_days is null or delivery_max_days >= delivery_min_days);

create table order_event (
    order_id      uuid not null references customer_order (id),
    seq           integer not null check (seq >= 1),
    at            timestamptz not null,
    fulfilment_id uuid references fulfilment (id),
    kind          text not null check (kind in ('PLACED', 'AWAITING_PAYMENT', 'PAID', 'CONFIRMED', 'READY_FOR_PICKUP', 'SHIPPED',
                                                'DELIVERED', 'HANDED_OVER', 'CANCELLED')),
    actor_kind    text not null check (actor_kind in ('SHOPPER', 'PRODUCER', 'STAFF', 'SYSTEM', 'PAYMENT')),
    actor         text not null,
    reason        text,
    primary key (order_id, seq)
);
-- orders placed before the history existed start theirs with being placed
insert into order_event (order_id, seq, at, kind, actor_kind, actor)
select id, 1, placed_at, case when payment_method = 'CARD' then 'AWAITING_PAYMENT' else 'PLACED' end, 'SHOPPER', account_id::text
from customer_order;

-- wrong pickup codes typed at a location: ten within ten minutes and the counter waits
create table pickup_code_failure (
    location_id uuid not null,
    at          timestamptz not null
);
create index pickup_code_failure_idx on pickup_code_failure (location_id, at);

-- The shipping rate table that ADMIN edits: per destination zone a delivery window and weight bands. A band
-- covers [from_grams, to_grams); the last one of a zone is open-ended and may add a fee per started 500 g.
create table shipping_zone (
    zone      text primary key check (zone in ('SAME_PROVINCE', 'SAME_REGION', 'OTHER_REGION')),
    min_days  integer not null check (min_days between 0 and 60),
    max_days  integer not null check (max_days between 0 and 60),
    check (max_days >= min_days)
);
create table shipping_band (
    zone               text not null references shipping_zone (zone),
    from_grams         integer not null check (from_grams >= 0),
    to_grams           integer check (to_grams > from_grams),
    fee_vnd            bigint not null check (fee_vnd between 0 and 10000000),
    extra_per_500g_vnd bigint not null default 0 check (extra_per_500g_vnd between 0 and 10000000),
    primary key (zone, from_grams)
);
create table shipping_table_change (
    id         bigserial primary key,
    changed_by text not null,
    changed_at timestamptz not null
);

-- Starting rates, plausible for Vietnamese couriers in 2026 (demo figures: ADMIN sets the real ones).
insert into shipping_zone (zone, min_days, max_days) values ('SAME_PROVINCE', 1, 2), ('SAME_REGION', 2, 3), ('OTHER_REGION', 3, 5);
insert into shipping_band (zone, from_grams, to_grams, fee_vnd, extra_per_500g_vnd) values
    ('SAME_PROVINCE', 0, 500, 20000, 0), ('SAME_PROVINCE', 500, 1000, 22000, 0), ('SAME_PROVINCE', 1000, 2000, 26000, 0),
    ('SAME_PROVINCE', 2000, 5000, 32000, 0), ('SAME_PROVINCE', 5000, null, 32000, 4000),
    ('SAME_REGION', 0, 500, 28000, 0), ('SAME_REGION', 500, 1000, 32000, 0), ('SAME_REGION', 1000, 2000, 38000, 0),
    ('SAME_REGION', 2000, 5000, 48000, 0), ('SAME_REGION', 5000, null, 48000, 5000),
    ('OTHER_REGION', 0, 500, 35000, 0), ('OTHER_REGION', 500, 1000, 42000, 0), ('OTHER_REGION', 1000, 2000, 52000, 0),
    ('OTHER_REGION', 2000, 5000, 68000, 0), ('OTHER_REGION', 5000, null, 68000, 7000);

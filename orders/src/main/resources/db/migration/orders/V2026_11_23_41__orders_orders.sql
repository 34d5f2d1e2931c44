-- Orders: what a shopper bought, how it is paid, and where it is delivered or collected. Lines are grouped
-- into fulfilments by the location that ships or hands them over and by producer (a showroom sells many
-- producers' goods, and each producer sees and confirms its own part). Each line's stock is reserved in
-- the ledger by a movement whose id the line keeps, so releasing or handing over is also exactly once.

create table customer_order (
    id                  uuid primary key,
    code                text not null unique,
    account_id          uuid not null,
    status              text not null check (status in ('PENDING_PAYMENT', 'PLACED', 'CONFIRMED', 'READY_FOR_PICKUP',
                                                         'SHIPPED', 'COMPLETED', 'CANCELLED')),
    payment_method      text not null check (payment_method in ('COD', 'PAY_AT_PICKUP', 'CARD')),
    contact_name        text not null check (length(contact_name) between 2 and 100),
    contact_phone       text not null check (length(contact_phone) between 8 and 20),
    contact_email       text not null check (length(contact_email) between 3 and 200),
    province_code       text,
    commune_code        text,
    street              text check (length(street) <= 300),
    pickup_location_id  uuid,
    pickup_code         text unique,
    pickup_deadline     timestamptz,
    total_vnd           bigint not null check (total_vnd > 0),
    idempotency_key     text not null check (length(idempotency_key) between 1 and 200),
    request_hash        text not null,
    payment_intent_id   text unique,
    paid_at             timestamptz,
    refunded_at         timestamptz,
    cancel_reason       text,
    placed_at           timestamptz not null,
    updated_at          timestamptz not null,
    unique (account_id, idempotency_key),
    check ((pickup_location_id is null) = (province_code is not null)),
    check (payment_method <> 'PAY_AT_PICKUP' or pickup_location_id is not null),
    check ((pickup_location_id is null) = (pickup_code is null))
);
create index customer_order_account_idx on customer_order (account_id, placed_at desc);
create index customer_order_pending_idx on customer_order (placed_at) where status = 'PENDING_PAYMENT';
create index customer_order_pickup_idx on customer_order (pickup_deadline) where status in ('PLACED', 'CONFIRMED', 'READY_FOR_PICKUP') and pickup_code is not null;

create table fulfilment (
    id          uuid primary key,
    order_id    uuid not null references customer_order (id),
    location_id uuid not null,
    producer_id uuid not null,
    status      text not null check (status in ('PLACED', 'CONFIRMED', 'SHIPPED', 'READY_FOR_PICKUP', 'COMPLETED', 'CANCELLED')),
    updated_at  timestamptz not null,
    unique (order_id, location_id, producer_id)
);
create index fulfilment_producer_idx on fulfilment (producer_id, status);
create index fulfilment_location_idx on fulfilment (location_id, status);

create table order_line (
    order_id            uuid not null references customer_order (id),
    line_no             integer not null,
    fulfilment_id       uuid not null references fulfilment (id),
    product_id          uuid not null,
    product_name        text not null,
    unit_price_vnd      bigint not null check (unit_price_vnd > 0),
    quantity            integer not null check (quantity between 1 and 99),
    reserve_movement_id uuid not null unique,
    primary key (order_id, line_no)
);

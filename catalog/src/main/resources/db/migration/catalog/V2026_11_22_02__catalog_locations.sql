-- Where stock is kept and handed over: producers' warehouses, regional OCOP showrooms, sales points and
-- highway rest stops; and the keys of the tills that sync with the store.

create table location (
    id              uuid primary key,
    kind            text not null check (kind in ('WAREHOUSE', 'SHOWROOM', 'SALES_POINT', 'HIGHWAY_STOP')),
    name            text not null check (length(name) between 2 and 200),
    province        text not null,
    address         text not null,
    latitude        numeric(9, 6),
    longitude       numeric(9, 6),
    opening_hours   text,
    pickup_allowed  boolean not null default false,
    -- a WAREHOUSE belongs to one producer
    producer_id     uuid references producer (id),
    demo            boolean not null default false,
    created_at      timestamptz not null default now(),
    check ((kind = 'WAREHOUSE') = (producer_id is not null))
);

create table till_key (
    id          uuid primary key,
    location_id uuid not null references location (id),
    label       text not null,
    -- the key itself is shown once; only its SHA-256 is kept
    key_hash    text not null unique,
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz
);

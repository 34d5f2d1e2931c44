-- Live sale events (livestreams). A producer schedules an event, goes live, pins one product at a time and
-- opens flash offers. Opening an offer reserves its whole cap at a location (the event's own pool, a RESERVE
-- movement in the stock ledger), so web and till sales cannot take units promised on air; a claim takes units
-- from the offer's remaining count with one conditional update; closing the offer or ending the event gives
-- back what is left (a RELEASE movement).

create table live_event (
    id                uuid primary key,
    producer_id       uuid not null,
    title             text not null check (length(title) between 3 and 150),
    video_url         text not null check (length(video_url) between 10 and 500),
    planned_start     timestamptz not null,
    planned_end       timestamptz not null,
    status            text not null check (status in ('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED')),
    pinned_product_id uuid,
    started_at        timestamptz,
    ended_at          timestamptz,
    created_at        timestamptz not null default now(),
    check (planned_end > planned_start)
);
create index live_event_status_idx on live_event (status, planned_start);
create index live_event_producer_idx on live_event (producer_id, planned_start desc);

create table flash_offer (
    id                  uuid primary key,
    event_id            uuid not null references live_event (id),
    product_id          uuid not null,
    product_name        text not null,
    location_id         uuid not null,
    flash_price_vnd     bigint not null check (flash_price_vnd > 0),
    list_price_vnd      bigint not null check (list_price_vnd > flash_price_vnd),
    cap                 integer not null check (cap between 1 and 10000),
    -- units neither claimed nor ordered; claims take from it, lapsed claims give back to it while the offer is open
    remaining           integer not null check (remaining >= 0 and remaining <= cap),
    per_buyer           integer not null check (per_buyer between 1 and 99),
    status              text not null check (status in ('OPEN', 'CLOSED')),
    opened_at           timestamptz not null,
    closed_at           timestamptz
);
-- one open offer per product per event
create unique index flash_offer_open_idx on flash_offer (event_id, product_id) where status = 'OPEN';

-- how many units each buyer holds or bought from an offer: the per-buyer limit is one conditional upsert here
create table flash_allowance (
    offer_id    uuid not null references flash_offer (id),
    account_id  uuid not null,
    taken       integer not null check (taken >= 0),
    primary key (offer_id, account_id)
);

create table flash_claim (
    id          uuid primary key,
    offer_id    uuid not null references flash_offer (id),
    account_id  uuid not null,
    product_id  uuid not null,
    quantity    integer not null check (quantity between 1 and 99),
    status      text not null check (status in ('HELD', 'ORDERED', 'LAPSED')),
    claimed_at  timestamptz not null,
    expires_at  timestamptz not null,
    order_id    uuid,
    ended_at    timestamptz
);
create index flash_claim_buyer_idx on flash_claim (account_id, product_id) where status = 'HELD';
create index flash_claim_expiry_idx on flash_claim (expires_at) where status = 'HELD';
create index flash_claim_offer_idx on flash_claim (offer_id) where status = 'HELD';

-- Complaints (E-commerce Law 122/2025/QH15): a shopper complains about one delivered or collected order line within
-- 7 days; its producer offers a refund (optionally with the goods returned) or disputes; the shopper accepts the
-- offer or escalates; ADMIN decides disputed and escalated ones. One complaint per order line. Each change is
-- guarded by the row's version, so a move made twice at once is written once. The money goes back by card
-- (a card_refund keyed complaint:<id>) or is owed by whoever holds it (the producer for COD, the showroom for cash
-- at pickup) until marked paid back.

create table complaint (
    id              uuid primary key,
    order_id        uuid not null references customer_order (id),
    account_id      uuid not null,
    fulfilment_id   uuid not null references fulfilment (id),
    producer_id     uuid not null,
    line_no         integer not null,
    product_id      uuid not null,
    product_name    text not null,
    quantity        integer not null check (quantity between 1 and 99),
    line_total_vnd  bigint not null check (line_total_vnd > 0),
    reason          text not null check (reason in ('WRONG_ITEM', 'DAMAGED', 'NOT_AS_DESCRIBED', 'NOT_RECEIVED')),
    status          text not null check (status in ('OPEN', 'OFFERED', 'DISPUTED', 'ESCALATED', 'RESOLVED', 'REJECTED')),
    via             text not null check (via in ('CARD', 'PRODUCER', 'SHOWROOM')),
    holder_location uuid,
    offer_vnd       bigint check (offer_vnd between 1 and line_total_vnd),
    offer_return_to uuid,
    refund_vnd      bigint check (refund_vnd between 0 and line_total_vnd),
    return_to       uuid,
    card_refund_id  uuid references card_refund (id),
    refund_owed_at  timestamptz,
    paid_back_at    timestamptz,
    opened_at       timestamptz not null,
    updated_at      timestamptz not null,
    version         integer not null,
    unique (order_id, line_no),
    foreign key (order_id, line_no) references order_line (order_id, line_no)
);
create index complaint_account_idx on complaint (account_id, opened_at desc);
create index complaint_producer_idx on complaint (producer_id, opened_at desc);
create index complaint_for_admin_idx on complaint (status, updated_at) where status in ('DISPUTED', 'ESCALATED');

-- the thread: each step with who took it, their text, and the amount and return location it named
create table complaint_entry (
    complaint_id uuid not null references complaint (id),
    seq          integer not null,
    at           timestamptz not null,
    kind         text not null,
    party        text not null check (party in ('SHOPPER', 'PRODUCER', 'ADMIN')),
    by_name      text not null,
    body         text,
    amount_vnd   bigint,
    return_to    uuid,
    primary key (complaint_id, seq)
);

-- up to 3 photos, checked and re-encoded as listing images are (no metadata kept)
create table complaint_photo (
    complaint_id uuid not null references complaint (id),
    position     integer not null check (position between 1 and 3),
    content_type text not null,
    bytes        bytea not null,
    primary key (complaint_id, position)
);

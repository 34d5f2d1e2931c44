-- The money ledger (DESIGN.md §8): one row per money event, append-only. Every row's id is derived from its source
-- (an order's parcel and OCOP group and the kind of event, a Stripe refund, a till's stock movement, a payout), so
-- recording the same event again (a replayed webhook, handover, delivery or sync) is "on conflict do nothing".
-- Commission and tax are not stored: a statement computes them from these rows and the rates in force on each
-- row's priced_on day, so nothing here is a sum that could drift from the rows it sums.

create table money_event (
    id                  uuid primary key,
    seq                 bigserial not null unique,
    kind                text not null check (kind in ('CARD_PAID', 'CARD_REFUNDED', 'COD_COLLECTED', 'PICKUP_PAID', 'TILL_SALE',
                                                      'PAYOUT', 'REFUND')),
    producer_id         uuid not null,
    -- what it belongs to: an order's parcel (online sales and their refunds) or a till's stock movement
    order_id            uuid,
    fulfilment_id       uuid,
    movement_id         uuid,
    channel             text check (channel in ('ONLINE_DELIVERY', 'ONLINE_PICKUP', 'TILL')),
    -- the parcel's ship-from or pickup location, or the till's
    location_id         uuid,
    ocop_group          text check (ocop_group in ('FOOD', 'DRINKS', 'HERBAL', 'HANDICRAFT', 'ORNAMENTAL', 'TOURISM')),
    -- whole đồng: the goods (commission is taken on these), the parcel's shipping fee, and both together
    goods_vnd           bigint not null check (goods_vnd >= 0),
    shipping_vnd        bigint not null check (shipping_vnd >= 0),
    amount_vnd          bigint not null check (amount_vnd > 0),
    -- who holds the money: the marketplace (cards), the producer (cash on delivery, its own till) or an outlet
    -- (cash at pickup or at its tills); for a payout, who paid it
    holder              text not null check (holder in ('MARKETPLACE', 'PRODUCER', 'SHOWROOM')),
    holder_location_id  uuid,
    -- the day (Asia/Ho_Chi_Minh) whose commission and tax rates apply: the sale's day, for a refund its sale's
    priced_on           date not null,
    occurred_at         timestamptz not null,
    reference           text check (length(reference) <= 200),
    source              text check (length(source) <= 200),
    recorded_by         text not null check (length(recorded_by) between 1 and 200),
    recorded_at         timestamptz not null default clock_timestamp(),
    check ((holder = 'SHOWROOM') = (holder_location_id is not null)),
    check ((kind = 'PAYOUT') = (channel is null)),
    check (kind = 'PAYOUT' or (amount_vnd = goods_vnd + shipping_vnd and ocop_group is not null and location_id is not null)),
    check (kind <> 'PAYOUT' or holder <> 'PRODUCER')
);
create index money_event_producer_idx on money_event (producer_id, occurred_at);
create index money_event_order_idx on money_event (order_id, kind) where order_id is not null;

-- Append-only: a correction is a new row (a refund, a payout), never an edit.
create function money_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
end
$$;
create trigger money_event_append_only before update or delete on money_event
    for each row execute function money_append_only();
create trigger money_event_no_truncate before truncate on money_event
    for each statement execute function money_append_only();

-- Till sales are taken from the catalog's stock ledger by the time they were applied; this is how far the
-- catch-up job has read (it re-reads a margin before it, so a batch that committed late is not missed).
create table money_import_cursor (
    source      text primary key,
    applied_at  timestamptz not null
);

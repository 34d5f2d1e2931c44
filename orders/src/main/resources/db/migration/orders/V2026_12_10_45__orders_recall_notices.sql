-- Recall notices (issue 19): an order touched by a recalled lot keeps a notice the shopper sees on the order and
-- receives once by e-mail: the order received units of the lot, its reservation moved to another lot, or its part
-- holding the lot was cancelled. One notice per order and lot, however often the recall is asked again; mailed_at is
-- claimed before the e-mail is sent, so a retried recall sends no second one.
create table order_recall_notice (
    order_id     uuid not null references customer_order (id),
    lot_id       uuid not null,
    product_id   uuid not null,
    product_name text not null,
    lot_code     text not null,
    reason       text not null check (length(reason) between 1 and 500),
    recalled_at  timestamptz not null,
    received     boolean not null default false,
    swapped      boolean not null default false,
    cancelled    boolean not null default false,
    mailed_at    timestamptz,
    primary key (order_id, lot_id)
);

-- Card payments that hold against the real Stripe. Each refund is a row that keeps what Stripe answered (pending,
-- succeeded, failed, canceled, requires_action) and why it failed; an order counts as refunded only once Stripe
-- says its refunds succeeded. What refunds may still take is held on the order with one guarded update, so two
-- refunds racing can never together pass what was paid. A dispute (chargeback) holds the order: it is not shipped
-- or handed over while the dispute is open.

create table card_refund (
    id               uuid primary key,
    order_id         uuid not null references customer_order (id),
    amount_vnd       bigint not null check (amount_vnd > 0),
    idempotency_key  text not null unique check (length(idempotency_key) between 1 and 200),
    reason           text not null check (length(reason) between 1 and 500),
    stripe_refund_id text unique,
    status           text not null check (status in ('PENDING', 'REQUIRES_ACTION', 'SUCCEEDED', 'FAILED', 'CANCELED')),
    failure_reason   text,
    attempts         integer not null default 1 check (attempts >= 1),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    succeeded_at     timestamptz
);
create index card_refund_order_idx on card_refund (order_id, created_at);
create index card_refund_open_idx on card_refund (status, updated_at) where status in ('PENDING', 'REQUIRES_ACTION', 'FAILED');

-- the sum of the order's refunds that are not failed or canceled: never more than the order's total
alter table customer_order add column refunds_held_vnd bigint not null default 0;
alter table customer_order add constraint customer_order_refunds_within_total check (refunds_held_vnd between 0 and total_vnd);
-- the charge that paid the order (a dispute names the charge), why Stripe would not start the card payment, and how
-- many times cancelling its PaymentIntent did not settle it (each attempt has an idempotency key of its own)
alter table customer_order add column charge_id text;
alter table customer_order add column intent_error text;
alter table customer_order add column intent_cancel_attempts integer not null default 0 check (intent_cancel_attempts >= 0);
alter table customer_order add column dispute_id text;
alter table customer_order add column dispute_status text;
alter table customer_order add column dispute_reason text;
alter table customer_order add column disputed_at timestamptz;
create index customer_order_charge_idx on customer_order (charge_id) where charge_id is not null;
-- the every-minute catch-up looks for cancelled orders paid by card whose payment is not wholly refunded yet
create index customer_order_unrefunded_idx on customer_order (id)
    where status = 'CANCELLED' and paid_at is not null and refunds_held_vnd < total_vnd;

-- refunds made before refunds kept their status: recorded as they were marked then (Stripe's answer was not kept)
insert into card_refund (id, order_id, amount_vnd, idempotency_key, reason, status, created_at, updated_at, succeeded_at)
select gen_random_uuid(), id, total_vnd, 'refund:' || id, 'cancelled order (refunded before refunds kept their status)', 'SUCCEEDED',
       refunded_at, refunded_at, refunded_at
from customer_order where refunded_at is not null;
update customer_order set refunds_held_vnd = total_vnd where refunded_at is not null;

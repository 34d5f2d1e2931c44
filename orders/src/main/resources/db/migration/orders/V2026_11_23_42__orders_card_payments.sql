-- Card payments through Stripe: each webhook event is recorded by its id, so one delivered twice (Stripe
-- retries) is applied once; a failed attempt is kept on the order, which stays payable until it lapses.

create table stripe_event (
    id                  text primary key,
    type                text not null,
    payment_intent_id   text,
    received_at         timestamptz not null default now()
);

alter table customer_order add column client_secret text;
alter table customer_order add column payment_error text;

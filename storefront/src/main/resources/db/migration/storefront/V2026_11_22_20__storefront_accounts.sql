-- People who sign in: shoppers, producers' members, location staff, council members and administrators.
create table account (
    id            uuid primary key,
    email         text not null unique check (length(email) between 3 and 254),
    password_hash text not null,
    display_name  text not null check (length(display_name) between 1 and 100),
    role          text not null check (role in ('SHOPPER', 'PRODUCER', 'STAFF', 'COUNCIL', 'ADMIN')),
    -- a PRODUCER acts for one producer, a STAFF member for one location (catalog ids)
    producer_id   uuid,
    location_id   uuid,
    enabled       boolean not null default true,
    demo          boolean not null default false,
    created_at    timestamptz not null default now(),
    check ((role = 'PRODUCER') = (producer_id is not null)),
    check ((role = 'STAFF') = (location_id is not null))
);

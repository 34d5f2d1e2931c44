-- Accounts that ADMIN and producers' owners create: set up through a one-time link, scoped to what they act for.

-- An account made for someone has no password until they set one through their link: nobody can sign in to it.
alter table account alter column password_hash drop not null;

alter table account
    -- the member who runs the producer's accounts: invites and removes the others (one per producer)
    add column producer_owner boolean not null default false,
    -- whom a COUNCIL ranks for: NATIONAL, or a province as producers name it ("Hà Nội", "TP. Hồ Chí Minh")
    add column council_scope  text check (length(council_scope) between 2 and 100);

-- the council accounts made before scopes existed (the demo's) rank for the whole country, as they did
update account set council_scope = 'NATIONAL' where role = 'COUNCIL';
-- the demo producer account runs its producer's members
update account set producer_owner = true where role = 'PRODUCER' and demo;

alter table account
    add constraint account_council_has_scope check ((role = 'COUNCIL') = (council_scope is not null)),
    add constraint account_owner_is_producer check (not producer_owner or role = 'PRODUCER');
create unique index account_one_owner_per_producer on account (producer_id) where producer_owner;
create index account_producer_idx on account (producer_id) where producer_id is not null;

-- One-time links to set a password: only the SHA-256 of the random token is kept, so a copy of this table lets
-- nobody in. A link works once, for 72 hours; a newer link for the same account replaces the older ones.
create table account_link (
    token_hash bytea primary key check (length(token_hash) = 32),
    account_id uuid not null references account (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    check (expires_at > created_at)
);
create index account_link_account_idx on account_link (account_id);

-- Producers on board: what an application to sell here says, and what an approved producer keeps from it.

-- The producer's legal identity and where its payouts go (copied from its approved application), and why an
-- administrator suspended it (the application always gives a reason; rows written directly, such as test
-- fixtures, may not). Producers of the demo data and older rows have none of these.
alter table producer
    add column registration_no       text check (length(registration_no) between 5 and 20),
    add column tax_code              text check (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
    add column representative        text check (length(representative) between 2 and 100),
    add column payout_bank           text check (length(payout_bank) between 2 and 20),
    add column payout_account_no     text check (payout_account_no ~ '^[0-9]{6,19}$'),
    add column payout_account_holder text check (length(payout_account_holder) between 2 and 100),
    add column status_reason         text check (length(status_reason) between 5 and 500),
    add column status_changed_at     timestamptz;

-- one producer per tax code: a second application for the same business is refused
create unique index producer_tax_code_idx on producer (tax_code) where tax_code is not null;

-- An application to sell on the marketplace, as the applicant sent it; ADMIN approves (which creates the producer)
-- or rejects it with a reason. Province and commune are the official units since 2025-07-01, code and name.
create table producer_application (
    id                    uuid primary key,
    kind                  text not null check (kind in ('COOPERATIVE', 'COOPERATIVE_GROUP', 'ENTERPRISE', 'HOUSEHOLD')),
    name                  text not null check (length(name) between 2 and 200),
    registration_no       text not null check (length(registration_no) between 5 and 20),
    tax_code              text not null check (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
    representative        text not null check (length(representative) between 2 and 100),
    province_code         text not null check (province_code ~ '^[0-9]{2}$'),
    province              text not null check (length(province) between 2 and 100),
    commune_code          text not null check (commune_code ~ '^[0-9]{5}$'),
    commune               text not null check (length(commune) between 2 and 100),
    contact_phone         text not null check (contact_phone ~ '^0[0-9]{9,10}$'),
    contact_email         text not null check (length(contact_email) between 3 and 254),
    payout_bank           text not null check (length(payout_bank) between 2 and 20),
    payout_account_no     text not null check (payout_account_no ~ '^[0-9]{6,19}$'),
    payout_account_holder text not null check (length(payout_account_holder) between 2 and 100),
    status                text not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    submitted_at          timestamptz not null,
    decided_at            timestamptz,
    decision_reason       text check (length(decision_reason) between 5 and 500),
    producer_id           uuid references producer (id),
    check ((status = 'PENDING') = (decided_at is null)),
    check ((status = 'APPROVED') = (producer_id is not null)),
    check ((status = 'REJECTED') = (decision_reason is not null))
);
create index producer_application_status_idx on producer_application (status, submitted_at);
-- one application waiting per tax code: sending the form twice does not make two
create unique index producer_application_pending_tax_code_idx on producer_application (tax_code) where status = 'PENDING';

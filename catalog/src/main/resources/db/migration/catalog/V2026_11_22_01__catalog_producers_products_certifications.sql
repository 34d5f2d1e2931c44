-- Producers (chủ thể OCOP), their products and the OCOP certifications (star rankings) behind them.

create table producer (
    id                uuid primary key,
    kind              text not null check (kind in ('COOPERATIVE', 'COOPERATIVE_GROUP', 'ENTERPRISE', 'HOUSEHOLD')),
    name              text not null check (length(name) between 1 and 200),
    -- the province as of today (after the 2025 merger to 34 provinces) and the name it had before, if different
    province          text not null,
    former_province   text,
    commune           text,
    contact_email     text,
    contact_phone     text,
    status            text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    demo              boolean not null default false,
    created_at        timestamptz not null default now(),
    version           bigint not null default 0
);

create table product (
    id                uuid primary key,
    producer_id       uuid not null references producer (id),
    name              text not null check (length(name) between 2 and 200),
    description       text check (length(description) <= 5000),
    name_en           text check (length(name_en) <= 200),
    description_en    text check (length(description_en) <= 5000),
    ocop_group        text not null check (ocop_group in ('FOOD', 'DRINKS', 'HERBAL', 'HANDICRAFT', 'ORNAMENTAL', 'TOURISM')),
    -- whole đồng: VND has no minor unit
    price_vnd         bigint not null check (price_vnd > 0 and price_vnd <= 1000000000),
    sales_unit        text not null check (length(sales_unit) between 1 and 60),
    -- demo data: price and unit are plausible inventions, shown as such
    demo_price        boolean not null default false,
    status            text not null default 'DRAFT' check (status in ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    -- the code printed as a QR on the label, target of /verify/{code}
    verification_code text not null unique,
    source_url        text,
    version           bigint not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index product_producer_idx on product (producer_id);

create table certification (
    id                  uuid primary key,
    product_id          uuid not null references product (id),
    stars               int not null check (stars between 1 and 5),
    -- 100-point scale of Decision 148/QĐ-TTg; unknown for rankings recorded before we held them
    score               int check (score between 0 and 100),
    level               text not null check (level in ('DISTRICT', 'PROVINCIAL', 'NATIONAL')),
    decision_no         text check (length(decision_no) <= 60),
    issuing_body        text not null check (length(issuing_body) between 2 and 200),
    -- the province as the decision names it (it may have merged since)
    decision_province   text,
    issued_on           date not null,
    -- DAY, or MONTH / YEAR when the published source gives only that much
    issued_on_precision text not null default 'DAY' check (issued_on_precision in ('DAY', 'MONTH', 'YEAR')),
    -- demo data: no published date, so a demo date was chosen; shown as such
    issued_on_demo      boolean not null default false,
    valid_until         date not null,
    revoked_at          timestamptz,
    revocation_reason   text check (length(revocation_reason) <= 500),
    recorded_at         timestamptz not null default now(),
    check (valid_until >= issued_on),
    check ((revoked_at is null) = (revocation_reason is null))
);
create index certification_product_idx on certification (product_id);
create index certification_valid_until_idx on certification (valid_until) where revoked_at is null;

-- SELLABLE, the SQL form (the Java form is SellablePolicy; a property test holds them equal).
-- A product is on sale on day p_today (the calendar date in Asia/Ho_Chi_Minh) when it is ACTIVE, its
-- producer is ACTIVE, and some certification has 3..5 stars, issued_on <= p_today <= valid_until and no
-- revocation. One row per sellable product, carrying the ranking that makes it so (most stars, then the
-- longest validity). A set-returning SQL function: PostgreSQL inlines it into the calling query.
create function sellable_ranking(p_today date)
    returns table (product_id uuid, certification_id uuid, stars int, valid_until date)
    language sql stable
as $$
    select distinct on (c.product_id) c.product_id, c.id, c.stars, c.valid_until
    from certification c
    join product p on p.id = c.product_id
    join producer pr on pr.id = p.producer_id
    where p.status = 'ACTIVE'
      and pr.status = 'ACTIVE'
      and c.stars between 3 and 5
      and c.revoked_at is null
      and c.issued_on <= p_today
      and p_today <= c.valid_until
    order by c.product_id, c.stars desc, c.valid_until desc, c.id
$$;

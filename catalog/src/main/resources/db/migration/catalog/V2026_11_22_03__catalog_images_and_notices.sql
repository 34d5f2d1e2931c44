-- Product images (files under the images directory) and the notices producers get on their dashboard.

create table product_image (
    id            uuid primary key,
    product_id    uuid not null references product (id),
    file_name     text not null unique,
    content_type  text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    size_bytes    int not null check (size_bytes > 0),
    position      int not null default 0,
    created_at    timestamptz not null default now()
);
create index product_image_product_idx on product_image (product_id, position);

-- One notice per certification and kind: the expiry job may run any number of times.
create table producer_notice (
    id                uuid primary key,
    producer_id       uuid not null references producer (id),
    certification_id  uuid references certification (id),
    kind              text not null check (kind in ('RANKING_EXPIRES_SOON')),
    message           text not null,
    created_at        timestamptz not null default now(),
    emailed_at        timestamptz,
    unique (certification_id, kind)
);
create index producer_notice_producer_idx on producer_notice (producer_id, created_at desc);

-- Reviews: the shopper of an order line whose parcel was delivered or collected (COMPLETED) rates its product 1 to 5
-- once, with an optional plain-text comment and up to 3 photos; the product's producer replies once; ADMIN hides
-- one with a reason (it leaves the product's rating and pages; its author still sees it, hidden, with the reason).
-- The product's rating (the catalog's product_rating) is changed in the transaction that writes or hides a review.
create table review (
    id             uuid primary key,
    order_id       uuid not null references customer_order (id),
    line_no        integer not null,
    account_id     uuid not null,
    producer_id    uuid not null,
    product_id     uuid not null,
    product_name   text not null,
    stars          integer not null check (stars between 1 and 5),
    comment        text check (length(comment) between 1 and 2000),
    -- what the public sees of its author: initials of the order's contact name, never the e-mail
    author_name    text not null,
    photo_count    integer not null check (photo_count between 0 and 3),
    created_at     timestamptz not null,
    reply          text check (length(reply) between 1 and 2000),
    replied_at     timestamptz,
    replied_by     text,
    hidden_reason  text check (length(hidden_reason) between 5 and 500),
    hidden_at      timestamptz,
    hidden_by      text,
    unique (order_id, line_no),
    foreign key (order_id, line_no) references order_line (order_id, line_no),
    check ((reply is null) = (replied_at is null)),
    check ((hidden_reason is null) = (hidden_at is null))
);
create index review_product_idx on review (product_id, created_at desc) where hidden_at is null;
create index review_producer_idx on review (producer_id, created_at desc);
create index review_account_idx on review (account_id, order_id);
create index review_created_idx on review (created_at desc);

-- up to 3 photos, checked and re-encoded as listing images are (no metadata kept)
create table review_photo (
    review_id    uuid not null references review (id),
    position     integer not null check (position between 1 and 3),
    content_type text not null,
    bytes        bytea not null,
    primary key (review_id, position)
);

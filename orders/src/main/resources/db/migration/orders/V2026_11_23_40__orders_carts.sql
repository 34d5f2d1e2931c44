-- Shopping carts: anonymous ones are found by the id in the shopper's cookie; at sign-in the anonymous cart
-- is merged into the account's. A cart keeps products and quantities only: prices and whether a product
-- may be sold are read again from the catalog every time the cart is shown or checked out.

create table cart (
    id          uuid primary key,
    account_id  uuid unique,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create table cart_line (
    cart_id     uuid not null references cart (id) on delete cascade,
    product_id  uuid not null,
    quantity    integer not null check (quantity between 1 and 99),
    added_at    timestamptz not null default clock_timestamp(),
    primary key (cart_id, product_id)
);

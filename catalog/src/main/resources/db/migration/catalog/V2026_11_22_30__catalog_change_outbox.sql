-- The catalog's change outbox. Every change to a product, its certifications or its producer writes a row
-- here in the same transaction (triggers: no code path can forget) and wakes listeners with
-- NOTIFY catalog_change. The search indexer drains it and marks rows indexed; nothing is lost if
-- Elasticsearch is down, the rows simply wait. Row ids grow with every change and serve as the
-- external version of the product's search document, so a late write never overwrites a newer one.

create table catalog_change (
    id          bigserial primary key,
    product_id  uuid not null,
    changed_at  timestamptz not null default clock_timestamp(),
    indexed_at  timestamptz
);
create index catalog_change_pending_idx on catalog_change (id) where indexed_at is null;
create index catalog_change_indexed_idx on catalog_change (indexed_at) where indexed_at is not null;

-- each product's latest change id, kept when old outbox rows are purged: the search document's version
create table product_change_version (
    product_id      uuid primary key,
    last_change_id  bigint not null
);

create function catalog_change_notify(p_product uuid) returns void language plpgsql as $$
declare
    change_id bigint;
begin
    insert into catalog_change (product_id) values (p_product) returning id into change_id;
    insert into product_change_version (product_id, last_change_id) values (p_product, change_id)
        on conflict (product_id) do update set last_change_id = greatest(product_change_version.last_change_id, excluded.last_change_id);
    perform pg_notify('catalog_change', p_product::text);
end
$$;

create function catalog_product_changed() returns trigger language plpgsql as $$
begin
    perform catalog_change_notify(new.id);
    return null;
end
$$;

create function catalog_certification_changed() returns trigger language plpgsql as $$
begin
    perform catalog_change_notify(new.product_id);
    return null;
end
$$;

create function catalog_producer_changed() returns trigger language plpgsql as $$
begin
    perform catalog_change_notify(p.id) from product p where p.producer_id = new.id;
    return null;
end
$$;

create trigger product_changed after insert or update on product
    for each row execute function catalog_product_changed();
create trigger certification_changed after insert or update on certification
    for each row execute function catalog_certification_changed();
create trigger producer_changed after update on producer
    for each row when (old is distinct from new) execute function catalog_producer_changed();

-- products written before this migration (demo data loaded earlier) become one change each
select catalog_change_notify(id) from product;

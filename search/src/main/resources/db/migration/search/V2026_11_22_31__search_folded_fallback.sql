-- Search's own table: each product's folded name and producer, kept by the indexer (even while
-- Elasticsearch is down) so that search can answer from PostgreSQL in degraded mode. Trigram index
-- for substring matches.
create extension if not exists pg_trgm;

create table search_folded (
    product_id  uuid primary key,
    version     bigint not null,
    folded      text not null
);
create index search_folded_trgm_idx on search_folded using gin (folded gin_trgm_ops);

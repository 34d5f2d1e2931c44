-- TEMPORARY in the fulfilment branch: replaced by the catalog-side branch's migration of the same name at merge.
alter table product add column shipping_weight_g integer not null default 500 check (shipping_weight_g between 1 and 50000);
alter table product add column demo_weight boolean not null default false;

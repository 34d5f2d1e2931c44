-- Commission rates that ADMIN sets: the marketplace's percentage of online sales per OCOP group, and each outlet's
-- consignment percentage of what its tills sell. A rate applies from its day (Asia/Ho_Chi_Minh, never before the
-- day it was set) until a later row for the same group or outlet; rows are never changed, so the history stays and
-- a statement for a past period always finds the rates of its days. Without any row a rate is 0.

create table commission_rate (
    id              uuid primary key,
    scope           text not null check (scope in ('ONLINE', 'CONSIGNMENT')),
    ocop_group      text check (ocop_group in ('FOOD', 'DRINKS', 'HERBAL', 'HANDICRAFT', 'ORNAMENTAL', 'TOURISM')),
    location_id     uuid,
    -- the percentage in hundredths: 12.5 % is 1250
    hundredths      integer not null check (hundredths between 0 and 5000),
    effective_from  date not null,
    set_by          text not null check (length(set_by) between 1 and 200),
    set_at          timestamptz not null,
    check ((scope = 'ONLINE') = (ocop_group is not null)),
    check ((scope = 'CONSIGNMENT') = (location_id is not null))
);
create index commission_rate_lookup_idx on commission_rate (scope, effective_from);

create trigger commission_rate_append_only before update or delete on commission_rate
    for each row execute function money_append_only();
create trigger commission_rate_no_truncate before truncate on commission_rate
    for each statement execute function money_append_only();

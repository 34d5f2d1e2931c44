-- A till's sale naming a lot the server had never heard of is applied (a sale is never refused) to a new lot with that
-- code and unknown dates, and flagged UNKNOWN_LOT for staff: a typo at the till, or goods received without their lot.
alter table stock_discrepancy drop constraint stock_discrepancy_reason_check;
alter table stock_discrepancy add constraint stock_discrepancy_reason_check
    check (reason in ('NEGATIVE_STOCK', 'NOT_SELLABLE', 'EXPIRED_LOT', 'RECALLED_LOT', 'UNKNOWN_LOT'));

-- The phone number a shopper gives at registration (issue 17), offered again at checkout: a Vietnamese mobile
-- (ten digits) or landline (eleven), stored as typed without spaces, dots or the +84 (vn.ocop.catalog.PhoneNumber).
-- Accounts made before, and those made for staff, producers and councils, have none.
alter table account add column phone text check (phone ~ '^0[0-9]{9,10}$');

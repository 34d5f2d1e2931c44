-- Whom a session signs in, beside its serialized attributes: a signed-in request reads its session and its
-- account in one statement (a join on this column) instead of two, and the account is still read on every request,
-- so a disabled account's session ends at its next request as before. Written whenever the attributes are (sign-in,
-- sign-out); sessions stored before this column have none and read their account on its own, as before.
alter table web_session add column account_email text;

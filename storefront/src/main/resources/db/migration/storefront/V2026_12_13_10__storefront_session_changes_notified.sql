-- Every instance keeps the signed-in sessions it has read in memory (storefront session/SessionCache, ADR 0011), so a
-- signed-in request reads no row. What would make such a copy wrong is announced here, after commit, to every
-- instance LISTENing on 'ocop_session': a session deleted (sign-out, ended for a disabled account, purged) or
-- rewritten (new id at sign-in, new attributes, new timeout) as 's:' and the hex of its id's SHA-256, and any change
-- to an account (disabled, removed from its producer, new password, new role) as 'a:' and its e-mail. A request
-- that only moves the last access (once a minute at most) announces nothing: an instance whose copy is older
-- checks the expiry against the copy's last access and, when it looks expired, reads the row again.
create function web_session_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.id_hash <> new.id_hash or old.max_idle_seconds <> new.max_idle_seconds
            or old.attributes is distinct from new.attributes or old.account_email is distinct from new.account_email then
        perform pg_notify('ocop_session', 's:' || encode(old.id_hash, 'hex'));
    end if;
    return null;
end $$;

create trigger web_session_changed after update or delete on web_session
    for each row execute function web_session_changed();

create function account_changed_for_sessions() returns trigger language plpgsql as $$
begin
    perform pg_notify('ocop_session', 'a:' || lower(old.email));
    if tg_op = 'UPDATE' and new.email <> old.email then
        perform pg_notify('ocop_session', 'a:' || lower(new.email));
    end if;
    return null;
end $$;

create trigger account_changed_for_sessions after update or delete on account
    for each row execute function account_changed_for_sessions();

-- Sessions of signed-in people (storefront session/PostgresSessions, a Spring Session repository over R2DBC):
-- every instance shares them and a restart keeps them. Anonymous browsing stores none.
create table web_session (
    -- SHA-256 of the session id, so that a copy of this table (a backup, a replica) signs nobody in
    id_hash          bytea primary key check (length(id_hash) = 32),
    created_at       timestamptz not null,
    last_accessed_at timestamptz not null,
    max_idle_seconds integer not null check (max_idle_seconds > 0),
    expires_at       timestamptz not null,
    -- the session's attributes (the signed-in SecurityContext), Java-serialized and read back through an allow-list
    attributes       bytea not null
);

create index web_session_expires on web_session (expires_at);

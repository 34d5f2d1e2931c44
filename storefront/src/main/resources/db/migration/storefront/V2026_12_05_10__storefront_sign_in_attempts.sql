-- Sign-in attempts per account (the e-mail typed, whether or not it has an account) and per client address:
-- five failures within 15 minutes lock sign-in for that account or address, each lockout longer than the last
-- (account SignInAttempts). Shared by every instance; rows quiet for a day are purged.
create table sign_in_attempt (
    scope        text not null check (scope in ('account', 'address')),
    subject      text not null check (length(subject) between 1 and 254),
    -- failures in the current window, and attempts whose password is being checked right now: together never
    -- more than five, so parallel guesses cannot slip past the limit
    failures     integer not null check (failures >= 0),
    in_flight    integer not null check (in_flight >= 0),
    window_start timestamptz not null,
    -- lockouts so far: the next one lasts twice as long (1, 2, 4, 8, then 15 minutes)
    lockouts     integer not null default 0 check (lockouts >= 0),
    locked_until timestamptz,
    updated_at   timestamptz not null,
    primary key (scope, subject)
);

create index sign_in_attempt_updated on sign_in_attempt (updated_at);

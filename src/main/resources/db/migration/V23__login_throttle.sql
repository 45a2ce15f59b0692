-- Failed sign-ins slow further attempts down instead of locking the account (V3's lock goes).
alter table account drop column failed_attempts, drop column locked_until;

-- Failures counted per username tried from one client address, per client address, and per username from every
-- address (usernames as typed, whether or not an account has them). A count whose last failure is older than the
-- configured window starts again; a sign-in clears its username's counts.
create table login_throttle (
    kind            varchar(16) not null check (kind in ('ACCOUNT_ADDRESS', 'ACCOUNT', 'ADDRESS')),
    key             text        not null,
    failures        int         not null,
    last_failure_at timestamptz not null,
    blocked_until   timestamptz,
    primary key (kind, key)
);

-- Every failed sign-in, through the login page or the token endpoint.
create table login_failure (
    id       bigserial primary key,
    at       timestamptz not null default now(),
    username text        not null, -- as typed; may name no account
    address  text,
    reason   varchar(16) not null check (reason in ('BAD_CREDENTIALS', 'THROTTLED', 'DISABLED'))
);
create index login_failure_at_idx on login_failure (at);
create index login_failure_username_idx on login_failure (username, at);

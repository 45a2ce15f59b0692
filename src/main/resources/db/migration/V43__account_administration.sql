-- Accounts: an administrator can make an account change its password at the next sign-in.
alter table account add column must_change_password boolean not null default false;

-- One-time links that let the holder of an account set its password (sent by email by an administrator). Only the
-- SHA-256 of a link's token is stored; a link works once, until it expires.
create table password_link (
    token_hash char(64) primary key,
    account_id bigint      not null references account (id) on delete cascade,
    created_by varchar(64) not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
);
create index password_link_account_idx on password_link (account_id);

-- The first start's setup link: at most one at a time for every node (a restart replaces it). Only the SHA-256 of its
-- token is stored; it works once, until it expires, and only while no province administrator exists.
create table setup_link (
    id         int         primary key default 1 check (id = 1),
    token_hash char(64)    not null,
    expires_at timestamptz not null
);

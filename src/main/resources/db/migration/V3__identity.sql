create table account (
    id                bigserial primary key,
    username          varchar(64) not null unique,
    password_hash     text        not null,
    full_name         text        not null,
    email             text,
    phone             text,
    id_number         varchar(12),  -- citizen identity number (CCCD)
    date_of_birth     date,
    address           text,
    tax_code          varchar(14),  -- for businesses
    organization_name text,
    enabled           boolean     not null default true,
    failed_attempts   int         not null default 0,
    locked_until      timestamptz,
    demo              boolean     not null default false, -- created by demo mode; removed when demo mode is off
    created_at        timestamptz not null default now()
);

create table account_role (
    account_id bigint      not null references account (id) on delete cascade,
    role       varchar(32) not null check (role in ('CITIZEN', 'BUSINESS', 'RECEPTION', 'SPECIALIST', 'LEADER',
                                                     'AGENCY_ADMIN', 'PROVINCE_ADMIN')),
    primary key (account_id, role)
);

-- Bearer tokens for API clients. Only the SHA-256 of a token is stored.
create table api_token (
    token_hash char(64) primary key,
    account_id bigint      not null references account (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
);
create index api_token_expiry_idx on api_token (expires_at);

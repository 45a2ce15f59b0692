-- Fields (lĩnh vực) of administrative procedures.
create table procedure_field (
    slug varchar(128) primary key, -- URL form of the name, e.g. ho-tich
    name text         not null unique
);

-- An administrative procedure (thủ tục hành chính) as published in the national procedure database.
create table procedure (
    id                  bigserial primary key,
    code                varchar(32)  not null unique, -- national code, e.g. 1.001193
    name                text         not null,
    field_slug          varchar(128) not null references procedure_field (slug),
    level               varchar(16)  not null check (level in ('PROVINCE', 'COMMUNE')),
    implementing_agency text         not null,
    online_level        varchar(16)  not null check (online_level in ('FULL', 'PARTIAL', 'INFO')),
    processing_days     int          not null check (processing_days >= 0), -- working days; 0 = same day
    processing_time     text,
    fee_note            text,
    applicant_types     text[]       not null,
    requirements        text,
    legal_basis         text[]       not null,
    result              text         not null,
    steps               text,
    version             int          not null default 0,
    updated_at          timestamptz  not null default now()
);
create index procedure_field_idx on procedure (field_slug);

-- Agencies that decide the procedure. None listed on a commune-level procedure means every commune.
create table procedure_agency (
    procedure_id bigint      not null references procedure (id) on delete cascade,
    position     int         not null,
    agency_code  varchar(32) not null,
    primary key (procedure_id, position)
);
create index procedure_agency_code_idx on procedure_agency (agency_code);

create table procedure_fee (
    procedure_id bigint not null references procedure (id) on delete cascade,
    position     int    not null,
    description  text   not null,
    amount       bigint not null check (amount >= 0), -- VND
    primary key (procedure_id, position)
);

-- Thành phần hồ sơ.
create table required_document (
    procedure_id  bigint  not null references procedure (id) on delete cascade,
    position      int     not null,
    name          text    not null,
    originals     int     not null check (originals >= 0),
    copies        int     not null check (copies >= 0),
    mandatory     boolean not null,
    template_name text, -- name of the official form (mẫu), when there is one
    primary key (procedure_id, position)
);

-- Fields of the online application form.
create table form_field (
    procedure_id bigint      not null references procedure (id) on delete cascade,
    position     int         not null,
    key          varchar(64) not null,
    label        text        not null,
    type         varchar(16) not null,
    required     boolean     not null,
    options      text[]      not null default '{}',
    profile_key  varchar(32),
    primary key (procedure_id, position),
    unique (procedure_id, key)
);

-- Catalog imports run in the background; this row is their progress and their report.
create table catalog_import (
    id          uuid primary key,
    file_name   text        not null,
    format      varchar(8)  not null,
    status      varchar(16) not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    total       int         not null default 0,
    processed   int         not null default 0,
    accepted    int         not null default 0,
    rejections  jsonb       not null default '[]',
    error       text,
    started_by  varchar(64) not null,
    started_at  timestamptz not null default now(),
    finished_at timestamptz
);

-- Issue 16, national catalog: what an administrator fetched from the national procedure database and previewed.
-- "Áp dụng" applies exactly this content (checked by its hash), once: applied_at is set in the same transaction.
create table national_catalog_preview (
    id           uuid primary key,
    request      text        not null,
    content_hash text        not null,
    procedures   jsonb       not null,
    unknown      text[]      not null default '{}',
    duplicates   int         not null default 0,
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    applied_by   text,
    applied_at   timestamptz
);
create index national_catalog_preview_created on national_catalog_preview (created_at);

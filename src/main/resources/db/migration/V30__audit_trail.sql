-- The audit trail: one hash chain per stream (a day, split into a few streams so appends need not queue behind one
-- lock). Each entry carries the SHA-256 of the previous entry of its stream and of its own canonical content
-- (audit/internal/Chain); audit_head keeps the last entry of each stream, and the daily export of the heads to
-- files under the data dir catches a deleted tail even when this table is edited too.
create table audit_entry (
    id           bigserial primary key,
    stream       text        not null,
    seq          bigint      not null,
    at           timestamptz not null,
    actor        text        not null,
    roles        text        not null default '',
    agency_code  text,
    action       text        not null,
    subject      text,
    data_subject text,
    client       text,
    outcome      text        not null,
    detail       text,
    prev_hash    text        not null,
    hash         text        not null,
    unique (stream, seq)
);

create index audit_entry_at on audit_entry (at);
create index audit_entry_data_subject on audit_entry (data_subject, at) where data_subject is not null;
create index audit_entry_subject on audit_entry (subject, at);
create index audit_entry_actor on audit_entry (actor, at);

create table audit_head (
    stream     text primary key,
    seq        bigint      not null,
    hash       text        not null,
    exported_seq bigint    not null default 0  -- the seq last written to the day's heads file
);

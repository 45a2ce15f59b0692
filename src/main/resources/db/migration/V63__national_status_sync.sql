-- Status sync to the National Public Service Portal (issue 16): an outbox of status messages, written in the same
-- transaction as the dossier's change, and per dossier the sequence (ThuTu) and the dates every message repeats.
create table national_sync_dossier (
    dossier_code  text primary key,
    agency_code   text        not null,
    received_at   timestamptz,
    due_at        timestamptz,
    returned_at   timestamptz,
    last_seq      int         not null
);
create index national_sync_dossier_received on national_sync_dossier (received_at);

create table national_sync_message (
    id              uuid primary key,
    dossier_code    text        not null references national_sync_dossier (dossier_code),
    seq             int         not null,
    event           text        not null,
    status_code     text        not null,
    agency_code     text        not null,
    updated_at      timestamptz not null,
    payload         text        not null,
    -- PENDING until the national portal lists the id as accepted; FAILED once unaccepted past the retry window
    -- (still retried).
    state           text        not null default 'PENDING',
    attempts        int         not null default 0,
    created_at      timestamptz not null default now(),
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    accepted_at     timestamptz,
    unique (dossier_code, seq)
);
create index national_sync_message_due on national_sync_message (next_attempt_at) where state <> 'ACCEPTED';
create index national_sync_message_updated on national_sync_message (updated_at) where state = 'ACCEPTED';

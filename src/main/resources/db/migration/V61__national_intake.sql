-- Issue 16, intake from the National Public Service Portal: each national dossier (MaHoSo) pulled or pushed to us is
-- one row, found again when it comes twice. It waits here (WAITING) while its documents cannot be fetched, and ends
-- RECEIVED (a dossier of ours, made in the same transaction as the row's change) or REFUSED (with the reason).
create table national_intake (
    id              bigserial   primary key,
    national_code   varchar(100) not null unique,   -- MaHoSo
    procedure_code  text,                           -- MaTTHC as sent
    agency_code     text,                           -- MaCoQuan as sent (before mapping)
    applicant_name  text,                           -- ChuHoSo.HoVaTen, shown masked
    applicant_id    text,                           -- ChuHoSo.SoDinhDanh, shown masked
    payload         jsonb       not null,           -- the national dossier as first received
    source          varchar(8)  not null check (source in ('PULL', 'PUSH')),
    state           varchar(8)  not null check (state in ('WAITING', 'RECEIVED', 'REFUSED')),
    reason          text,                           -- why refused, as sent back in LyDo
    dossier_id      bigint      unique,             -- ours, once RECEIVED
    dossier_code    text,
    attempts        int         not null default 0, -- failed attempts to take it in (document fetches)
    last_error      text,
    next_attempt_at timestamptz,                    -- when a WAITING row is due (again); other nodes skip it till then
    received_at     timestamptz not null default now(),
    decided_at      timestamptz
);
create index national_intake_due_idx on national_intake (next_attempt_at) where state = 'WAITING';
create index national_intake_state_idx on national_intake (state, received_at desc);

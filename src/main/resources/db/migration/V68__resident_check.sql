-- Population database part: the verdict of the national population database on a dossier's applicant, one per
-- dossier, written in the dossier's transaction; a PENDING row is the outbox of a check still to ask.
create table resident_check (
    id               bigserial primary key,
    dossier_id       bigint       not null unique,
    dossier_code     varchar(64)  not null unique,
    procedure_code   varchar(64)  not null,
    receiving_agency varchar(64),
    username         varchar(100),
    id_number        varchar(20)  not null,
    full_name        varchar(300) not null,
    birth_date       date         not null,
    outcome          varchar(16)  not null check (outcome in ('MATCH', 'MISMATCH', 'NOT_FOUND', 'PENDING')),
    mismatched       varchar(100) not null default '',
    asked_at         timestamptz  not null,
    checked_at       timestamptz,
    attempts         int          not null default 1,
    next_attempt_at  timestamptz,
    last_error       varchar(1000),
    note             varchar(1000),
    noted_by         varchar(100),
    received_at      timestamptz
);
create index resident_check_due on resident_check (next_attempt_at) where outcome = 'PENDING';
create index resident_check_received on resident_check (received_at, receiving_agency) where outcome = 'MATCH';
create index resident_check_procedure on resident_check (procedure_code);

-- Daily sequence per agency for dossier codes <agency code>-<YYMMDD>-<NNNN>. A row per agency and day, incremented
-- under the row lock, so codes never repeat whatever the number of application nodes.
create table dossier_code_sequence (
    agency_code varchar(32) not null,
    day         date        not null,
    last_number int         not null,
    primary key (agency_code, day)
);

create table dossier (
    id                   bigserial primary key,
    code                 varchar(48) unique,           -- set at submission or counter reception, never changed
    status               varchar(24) not null check (status in ('DRAFT', 'SUBMITTED', 'RECEIVED', 'PROCESSING',
                             'SUPPLEMENT_REQUESTED', 'REFUSED', 'RESULT_READY', 'RETURNED', 'WITHDRAWN')),
    channel              varchar(16) not null check (channel in ('ONLINE', 'COUNTER', 'POSTAL', 'NATIONAL_PORTAL')),
    procedure_code       varchar(32) not null,
    procedure_name       text        not null,
    processing_days      int         not null,
    process_id           bigint      not null references process (id),
    step                 int         not null default 0,  -- position in the process
    step_started_at      timestamptz,
    receiving_agency     varchar(32) not null,            -- where it was received (any counter of the province)
    competent_agency     varchar(32) not null,            -- who decides it
    current_agency       varchar(32) not null,            -- where it is now
    parent_id            bigint references dossier (id),  -- an inter-agency child points to its original
    owner                varchar(64),                     -- the portal account that owns it; null for walk-ins
    applicant_name       text        not null,
    applicant_id_number  varchar(12),
    applicant_phone      varchar(20),
    applicant_email      text,
    applicant_address    text,
    organization_name    text,
    tax_code             varchar(14),
    form_data            jsonb       not null default '{}',
    sets                 int         not null default 1,
    submitted_at         timestamptz,
    received_at          timestamptz,
    received_by          varchar(64),
    counter_id           bigint,
    log_entry            int,                             -- entry in the counter's dossier log (form 07)
    due_at               timestamptz,                     -- the appointment in force (moved by pauses and apologies)
    legal_due_at         timestamptz,                     -- the legal due date, moved only by pauses
    result_at            timestamptz,
    finished_at          timestamptz,                     -- returned, refused or withdrawn
    timeliness           varchar(12),                     -- EARLY, ON_TIME, LATE once finished
    return_method        varchar(16),
    created_by           varchar(64) not null,            -- the account that created it (applicant or officer)
    idempotency_key      varchar(128),                    -- unique per creator: a retried submission is one dossier
    version              int         not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    check (status = 'DRAFT' or code is not null)
);
create unique index dossier_idempotency_idx on dossier (created_by, idempotency_key) where idempotency_key is not null;
create index dossier_inbox_idx on dossier (current_agency, status, due_at);
create index dossier_owner_idx on dossier (owner, created_at desc);
create index dossier_parent_idx on dossier (parent_id);
create index dossier_applicant_idx on dossier (applicant_id_number);

-- Files of a dossier: what the applicant uploaded or the officer scanned, one row per file.
create table dossier_file (
    id             bigserial primary key,
    dossier_id     bigint      not null references dossier (id) on delete cascade,
    document_index int,                    -- the procedure's required document it stands for; null for other files
    kind           varchar(16) not null check (kind in ('DOCUMENT', 'SUPPLEMENT', 'RESULT')),
    file_name      text        not null,
    content_type   varchar(100) not null,
    size           bigint      not null,
    sha256         char(64)    not null,
    content        bytea       not null,
    digitised      boolean     not null default false, -- scanned from paper at the counter
    uploaded_by    varchar(64),
    uploaded_at    timestamptz not null default now()
);
create index dossier_file_dossier_idx on dossier_file (dossier_id);

-- Every action on a dossier: who, when, what, from which status to which, at which step, with a note.
create table dossier_history (
    id          bigserial primary key,
    dossier_id  bigint      not null references dossier (id) on delete cascade,
    at          timestamptz not null,
    actor       varchar(64),
    actor_name  text,
    agency_code varchar(32),
    action      varchar(32) not null,
    from_status varchar(24),
    to_status   varchar(24) not null,
    from_step   int,
    to_step     int,
    note        text,
    details     jsonb
);
create index dossier_history_dossier_idx on dossier_history (dossier_id, at);

-- Time the dossier waited for the applicant's supplement: each pause is its own row.
create table dossier_pause (
    id         bigserial primary key,
    dossier_id bigint      not null references dossier (id) on delete cascade,
    started_at timestamptz not null,
    ended_at   timestamptz,
    items      jsonb       not null,  -- what was asked for (form 02)
    note       text,
    requested_by varchar(64)
);
create unique index dossier_pause_open_idx on dossier_pause (dossier_id) where ended_at is null;

-- Apologies with a new appointment (form 04).
create table dossier_apology (
    id          bigserial primary key,
    dossier_id  bigint      not null references dossier (id) on delete cascade,
    at          timestamptz not null,
    previous_due_at timestamptz not null,
    new_due_at  timestamptz not null,
    reason      text        not null,
    issued_by   varchar(64) not null
);

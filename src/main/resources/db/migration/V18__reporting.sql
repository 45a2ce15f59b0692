-- The reporting module's event history: every fact it was told, once (a redelivered event is the same row). The read
-- model below is a function of this table alone: rebuilding it replays these rows through the same fold.
create table report_event (
    id        bigserial   primary key,
    subject   varchar(64) not null,             -- the dossier code or the petition number
    kind      varchar(24) not null,
    at        timestamptz not null,
    agency    varchar(32),
    procedure varchar(32),
    channel   varchar(16),
    due_at    timestamptz,
    n1        int         not null default 0,
    n2        int         not null default 0,
    amount    bigint      not null default 0,
    flag      boolean     not null default false,
    detail    varchar(64) not null default '',
    unique (subject, kind, at, detail)
);

-- Counts per day, competent agency, procedure and channel (petitions have an empty channel); see Measure.
create table report_day (
    day       date        not null,
    agency    varchar(32) not null,
    procedure varchar(32) not null,
    channel   varchar(16) not null,
    submitted              bigint      not null default 0,
    received               bigint      not null default 0,
    handled                bigint      not null default 0,
    early                  bigint      not null default 0,
    on_time                bigint      not null default 0,
    late                   bigint      not null default 0,
    refused                bigint      not null default 0,
    withdrawn              bigint      not null default 0,
    waiting                bigint      not null default 0,
    returned               bigint      not null default 0,
    supplement_requests    bigint      not null default 0,
    transferred            bigint      not null default 0,
    digitised              bigint      not null default 0,
    reused                 bigint      not null default 0,
    e_results              bigint      not null default 0,
    results_to_store       bigint      not null default 0,
    fee_paid               bigint      not null default 0,
    paid_online            bigint      not null default 0,
    amount                 bigint      not null default 0,
    amount_online          bigint      not null default 0,
    ratings                bigint      not null default 0,
    ratings_unsatisfied    bigint      not null default 0,
    petitions              bigint      not null default 0,
    petitions_on_dossiers  bigint      not null default 0,
    petitions_closed       bigint      not null default 0,
    petitions_on_time      bigint      not null default 0,
    petitions_rated        bigint      not null default 0,
    petitions_satisfied    bigint      not null default 0,
    primary key (day, agency, procedure, channel)
);

-- The same counts per month (day = the first of the month): a year is twelve months of rows, not 365 days.
create table report_month (like report_day including all);

-- One row per dossier received here, as the fold sees it: for the pending figures and the drill-down to dossiers.
create table report_dossier (
    code         varchar(64) primary key,
    agency       varchar(32) not null,
    procedure    varchar(32) not null,
    channel      varchar(16) not null,
    received_at  timestamptz not null,
    legal_due_at timestamptz,
    ended_at     timestamptz,                   -- null while handling goes on
    outcome      varchar(16),                   -- RESULT, RETURNED, REFUSED, WITHDRAWN, WAITING
    timeliness   varchar(8),                    -- EARLY, ON_TIME, LATE once ended
    supplements  int         not null,
    digitised    boolean     not null,
    reused       boolean     not null,
    e_result     boolean     not null,
    fee_paid     boolean     not null,
    paid_online  boolean     not null,
    satisfied    boolean                        -- the rating, null when not rated
);
create index report_dossier_received_idx on report_dossier (agency, received_at);
create index report_dossier_ended_idx on report_dossier (agency, ended_at);
create index report_dossier_pending_idx on report_dossier (legal_due_at) where ended_at is null;

-- Feedback from the public: satisfaction ratings of handled dossiers (đánh giá mức độ hài lòng, one per dossier) and
-- petitions (phản ánh, kiến nghị) with their requests for more information, answers and publication.
create table dossier_rating (
    id             bigserial primary key,
    dossier_code   varchar(64)  not null,
    agency_code    varchar(32)  not null, -- the dossier's competent agency
    procedure_code varchar(32)  not null,
    via            varchar(8)   not null check (via in ('ONLINE', 'SMS', 'COUNTER')),
    answers        jsonb        not null, -- criterion key -> VERY_SATISFIED | SATISFIED | NOT_SATISFIED
    satisfied      boolean      not null, -- no criterion answered NOT_SATISFIED
    comment        varchar(2000),
    rated_by       varchar(64),           -- the applicant's account (ONLINE) or the officer holding the tablet (COUNTER)
    rated_at       timestamptz  not null,
    constraint dossier_rating_once unique (dossier_code)
);
create index dossier_rating_agency on dossier_rating (agency_code, rated_at);

-- Petition numbers run per year and never repeat: PAKN-2026-000001.
create table petition_counter (
    year int primary key,
    last int not null
);

create table petition (
    id               bigserial primary key,
    number           varchar(32)   not null unique,
    status           varchar(16)   not null
        check (status in ('RECEIVED', 'WAITING_SENDER', 'ANSWERED', 'REFUSED', 'PUBLISHED')),
    sender_name      varchar(200)  not null,
    sender_phone     varchar(32),
    sender_email     varchar(200),
    sender_username  varchar(64),  -- when the sender was signed in
    procedure_code   varchar(32),
    procedure_name   varchar(1000),
    dossier_code     varchar(64),
    agency_code      varchar(32)   not null, -- the agency that must handle it
    content          varchar(5000) not null,
    consent_publish  boolean       not null,
    received_at      timestamptz   not null,
    answer           varchar(10000),
    refusal_reason   varchar(2000),
    closed_at        timestamptz,
    closed_by        varchar(64),
    on_time          boolean,
    published_at     timestamptz,
    published_by     varchar(64),
    published_question varchar(5000), -- the question as published, personal details taken out by the official
    rated_satisfied  boolean,
    rated_at         timestamptz,
    check (sender_phone is not null or sender_email is not null),
    check ((status in ('RECEIVED', 'WAITING_SENDER')) = (closed_at is null)),
    check ((status = 'PUBLISHED') = (published_at is not null)),
    check (status <> 'PUBLISHED' or consent_publish)
);
create index petition_agency on petition (agency_code, status);
create index petition_published on petition (published_at desc) where status = 'PUBLISHED';

-- Requests to the sender for more information: the petition's clock stands still from asked_at until replied_at.
create table petition_request (
    id          bigserial primary key,
    petition_id bigint        not null references petition (id),
    asked_at    timestamptz   not null,
    asked_by    varchar(64)   not null,
    question    varchar(2000) not null,
    replied_at  timestamptz,
    reply       varchar(5000),
    check (replied_at is null or replied_at >= asked_at)
);
create index petition_request_petition on petition_request (petition_id);

-- What was done to a petition, by whom: the audit trail of its state graph.
create table petition_history (
    id          bigserial primary key,
    petition_id bigint      not null references petition (id),
    at          timestamptz not null,
    actor       varchar(64),  -- null for the sender
    action      varchar(32) not null,
    from_status varchar(16),
    to_status   varchar(16) not null
);
create index petition_history_petition on petition_history (petition_id);

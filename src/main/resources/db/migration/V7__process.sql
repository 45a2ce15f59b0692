-- The internal process (quy trình nội bộ) of a procedure: ordered steps, each done by a role at an agency, with its
-- share of the legal time and the actions allowed there. Versioned: editing creates a new version, and a dossier
-- keeps the version it started with.
create table process (
    id             bigserial primary key,
    procedure_code varchar(32) not null,
    version        int         not null,
    created_at     timestamptz not null default now(),
    created_by     varchar(64) not null,
    unique (procedure_code, version)
);

create table process_step (
    process_id    bigint      not null references process (id) on delete cascade,
    position      int         not null,
    name          text        not null,
    role          varchar(32) not null check (role in ('RECEPTION', 'SPECIALIST', 'LEADER')),
    place         varchar(16) not null check (place in ('RECEIVING', 'COMPETENT', 'AGENCY')),
    agency_code   varchar(32), -- for place AGENCY: the other agency of an inter-agency step (liên thông)
    time_share    int         not null check (time_share between 0 and 100), -- percent of the legal time
    actions       text[]      not null,
    primary key (process_id, position),
    check ((place = 'AGENCY') = (agency_code is not null))
);

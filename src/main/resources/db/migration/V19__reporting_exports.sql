-- Exports of the dossiers behind a figure, written in the background: the row is the progress the waiting page reads,
-- and then the finished workbook, kept for the person who asked for it for a day. Any node can serve either.
create table report_export (
    id          uuid        primary key,
    started_by  varchar(64) not null,
    agency      varchar(32),                    -- null: the whole province
    figure      varchar(32) not null,
    date_from   date        not null,
    date_to     date        not null,
    status      varchar(16) not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    total       bigint      not null default 0,
    processed   bigint      not null default 0,
    file_name   text,
    content     bytea,
    error       text,
    started_at  timestamptz not null default now(),
    finished_at timestamptz
);
create index report_export_started_idx on report_export (started_at);

-- Daily reconciliation with the National Public Service Portal (issue 16): per day and agency, our count of dossiers
-- with accepted status messages against the national side's.
create table national_reconciliation_run (
    day         date primary key,
    state       text        not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    error       text
);

create table national_reconciliation (
    day         date not null,
    agency_code text not null,
    ours        int  not null,
    theirs      int  not null,
    primary key (day, agency_code)
);

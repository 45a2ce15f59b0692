-- The official's working day: the named official a dossier is assigned to at its current step. Moving the
-- dossier to another step ends the assignment (the row goes), so a row always speaks of the step the dossier is at.
create table dossier_assignment (
    dossier_id  bigint primary key references dossier (id) on delete cascade,
    username    varchar(64) not null,
    step        int         not null,
    assigned_by varchar(64) not null,
    assigned_at timestamptz not null
);
create index dossier_assignment_user_idx on dossier_assignment (username);

-- Form 04 (the apology) is signed by the leader who issues it, or by the signer named in the action: kept with it.
alter table dossier_apology add column signer_name text, add column signer_title text;

-- A document taken from the applicant's data store instead of uploaded again: the service index counts dossiers that
-- reused digitised data.
alter table dossier_file add column from_store boolean not null default false;

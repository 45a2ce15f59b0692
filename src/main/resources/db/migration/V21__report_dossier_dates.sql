-- The days a dossier was paid for and rated, so that the dossiers behind those figures are the ones counted on those
-- days. Rows written before this migration get them at the next rebuild of the read model.
alter table report_dossier add column paid_at timestamptz;
alter table report_dossier add column rated_at timestamptz;

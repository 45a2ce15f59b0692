-- What the signature check said of an uploaded PDF that carries signatures (null: not a PDF, or not signed), shown to
-- the officials who handle the dossier.
alter table dossier_file add column signature_status varchar(16);
alter table dossier_file add column signature_signer varchar(255);

-- The file clean-up (FileSweep) asks, for each stored file, whether any row still references its hash.
create index dossier_file_sha256 on dossier_file (sha256);
create index wallet_document_sha256 on wallet_document (sha256);

-- Electronic results: each signed result document of a dossier, numbered <dossier code>-KQ<n>, kept for ever.
-- A revoked result stays, marked with when, by whom and why; verification then says so.
create table result_document (
    id            bigserial primary key,
    number        varchar(64)  not null unique,
    dossier_code  varchar(40)  not null,
    sequence      int          not null,
    agency_code   varchar(32)  not null,
    file_name     varchar(255) not null,
    content       bytea        not null,
    sha256        char(64)     not null,
    signer        varchar(255) not null,
    signed_at     timestamptz  not null,
    demo          boolean      not null,
    issued_by     varchar(64)  not null,
    revoked_at    timestamptz,
    revoked_by    varchar(64),
    revoke_reason text,
    unique (dossier_code, sequence),
    check ((revoked_at is null) = (revoke_reason is null))
);
create index result_document_sha256 on result_document (sha256);

-- The citizen data store (kho dữ liệu điện tử): documents an officer accepted and electronic results, per applicant
-- account, each with its type, so that a new submission offers them instead of asking for the same paper again.
create table wallet_document (
    id           bigserial primary key,
    owner        varchar(64)  not null,
    type         varchar(40)  not null,
    label        varchar(500) not null,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    content      bytea        not null,
    sha256       char(64)     not null,
    source       varchar(80)  not null,
    stored_at    timestamptz  not null default now(),
    unique (owner, sha256)
);
create index wallet_document_owner on wallet_document (owner, type);

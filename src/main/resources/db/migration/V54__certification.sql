-- Certified copies from originals: the certification book of each commune and year, and its entries.

-- The last number given in each book. Taking a number updates this row, which stays locked until the entry's
-- transaction ends: numbers come without gaps and without duplicates, whichever node takes them.
create table certification_book (
    agency_code varchar(64) not null,
    year        int         not null,
    last_number int         not null,
    primary key (agency_code, year)
);

create table certified_copy (
    id                  bigserial primary key,
    agency_code         varchar(64)  not null,
    year                int          not null,
    number              int          not null,
    reference           varchar(100) not null unique, -- what /xac-thuc looks up
    electronic          boolean      not null,        -- an electronic copy, signed; false: a paper copy only recorded
    applicant_name      text         not null,
    applicant_id_number varchar(12),
    applicant_account   varchar(64),
    document_name       text         not null,
    pages               int          not null check (pages > 0),
    fee                 bigint       not null check (fee >= 0),
    original_sha256     char(64),                      -- the scan as uploaded
    sha256              char(64),                      -- the signed copy, kept in the file store
    file_name           text,
    signer              text,
    demo                boolean      not null default false,
    certifier           varchar(64)  not null,
    certifier_name      text         not null,
    certifier_title     text,
    certified_at        timestamptz  not null,
    unique (agency_code, year, number)
);
create index certified_copy_sha256 on certified_copy (sha256);
create index certified_copy_certified_at on certified_copy (certified_at, agency_code);

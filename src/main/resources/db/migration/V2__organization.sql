-- Agencies form a tree of any depth (province > departments > units; province > communes). Units that are merged
-- or dissolved keep their row, with an end date and a successor, so that old dossiers keep their original agency.
create table agency (
    code           varchar(32) primary key, -- electronic identity code, Decision 20/2020/QĐ-TTg
    name           text        not null,
    short_name     text,
    kind           varchar(24) not null check (kind in ('PROVINCE', 'DEPARTMENT', 'UNIT', 'SERVICE_CENTRE', 'COMMUNE')),
    parent_code    varchar(32) references agency (code),
    address        text,
    phone          text,
    email          text,
    effective_from date        not null,
    effective_to   date,
    successor_code varchar(32) references agency (code),
    check (effective_to is null or effective_to >= effective_from)
);
create index agency_parent_idx on agency (parent_code);

-- A reception counter (quầy) of a service centre.
create table counter (
    id          bigserial primary key,
    agency_code varchar(32) not null references agency (code),
    number      int         not null,
    name        text        not null,
    unique (agency_code, number)
);

-- An official's place in the organisation: which agency they work for and, for reception officers, their counter.
create table staff (
    username    varchar(64) primary key,
    agency_code varchar(32) not null references agency (code),
    title       text        not null,
    counter_id  bigint references counter (id)
);
create index staff_agency_idx on staff (agency_code);

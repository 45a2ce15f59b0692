-- Entries as they are recorded: one plain insert in the transaction of the change or read they record, with no
-- index but the key and no lock, so recording costs a request almost nothing. The sealer (audit/internal/Sealer)
-- moves them, in a moment and in the order it finds them, into audit_entry, where each is chained to the one before.
create table audit_pending (
    id           bigserial primary key,
    at           timestamptz not null,
    actor        text        not null,
    roles        text        not null default '',
    agency_code  text,
    action       text        not null,
    subject      text,
    data_subject text,
    client       text,
    outcome      text        not null,
    detail       text
);

-- Notification templates edited by the province's administrator. A row overrides the default shipped in the jar
-- (templates/notification/<kind>-<channel>.txt); restoring the default deletes the row.
create table notification_template (
    event_kind varchar(32) not null check (event_kind in ('RECEIVED', 'SUPPLEMENT_REQUESTED', 'REFUSED',
                                                          'RESULT_READY', 'APOLOGY_ISSUED')),
    channel    varchar(8)  not null check (channel in ('EMAIL', 'SMS')),
    subject    text,                   -- email only
    body       text        not null,
    updated_at timestamptz not null default now(),
    updated_by text        not null,
    primary key (event_kind, channel)
);

-- Messages to applicants: the queue the dispatcher sends from and the log of what was sent to whom.
create table notification_delivery (
    id                  bigserial   primary key,
    dossier_code        text        not null,
    event_kind          varchar(32) not null check (event_kind in ('RECEIVED', 'SUPPLEMENT_REQUESTED', 'REFUSED',
                                                                   'RESULT_READY', 'APOLOGY_ISSUED')),
    event_at            timestamptz not null,  -- when the event happened; with the three above, identifies it
    channel             varchar(8)  not null check (channel in ('EMAIL', 'SMS')),
    recipient           text,                  -- email address or +84... number; as written when unusable
    subject             text,                  -- email only
    body                text        not null,
    status              varchar(8)  not null check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts            int         not null default 0,
    last_error          text,                  -- why the last attempt failed, or why the delivery was skipped
    provider_message_id text,                  -- SMTP Message-ID or the SMS gateway's id
    next_attempt_at     timestamptz,           -- when a PENDING delivery is due (again)
    created_at          timestamptz not null default now(),
    sent_at             timestamptz,
    -- An event delivered twice to the listener must not notify twice.
    unique (dossier_code, event_kind, channel, event_at)
);
create index notification_delivery_due_idx on notification_delivery (next_attempt_at) where status = 'PENDING';

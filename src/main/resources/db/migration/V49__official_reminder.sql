-- Reminders: one morning digest per official and day. The primary key is the claim: a node sends the
-- digest only after inserting its row, so several nodes running the job at once send it once.
create table official_reminder (
    username        text        not null,
    day             date        not null,  -- the day in Vietnam the digest is for
    status          varchar(8)  not null check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts        int         not null default 0,
    due_soon        int,                   -- how many dossiers the sent digest listed as due soon
    overdue         int,                   -- ... and as overdue (theirs and, for a leader, the agency's)
    last_error      text,
    next_attempt_at timestamptz,           -- a PENDING row: claimed by a node until then, or due again from then
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    primary key (username, day)
);
create index official_reminder_due_idx on official_reminder (day, next_attempt_at) where status = 'PENDING';

-- Issue 16, intake: the acknowledgements owed to the national portal (/ho-so/xac-nhan), an outbox written in the same
-- transaction as the intake's decision, sent by a leased, retried, backed-off job until the national portal takes it.
create table national_intake_ack (
    id              bigserial   primary key,
    intake_id       bigint      not null unique references national_intake (id),
    body            text        not null,           -- the exact JSON to send (signed as it is)
    sent_at         timestamptz,
    attempts        int         not null default 0,
    last_error      text,
    next_attempt_at timestamptz default now(),      -- null once sent
    created_at      timestamptz not null default now()
);
create index national_intake_ack_due_idx on national_intake_ack (next_attempt_at) where sent_at is null;

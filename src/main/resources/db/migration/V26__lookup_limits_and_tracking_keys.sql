-- Public look-ups by a code and a short secret (a dossier's code and phone digits, a petition's number and phone digits
-- or email) are limited per code and per client address. Each wrong guess is one row; the rows live here, not in a
-- node's memory, so the limits hold across application nodes. Rows older than a day are deleted.
create table lookup_failure (
    id        bigserial   primary key,
    kind      varchar(16) not null,  -- what was looked up: DOSSIER, PETITION
    subject   varchar(64) not null,  -- the code or number as typed (upper case), known or not
    client    varchar(64) not null,  -- the client's address
    failed_at timestamptz not null
);
create index lookup_failure_subject on lookup_failure (kind, subject, failed_at);
create index lookup_failure_client on lookup_failure (client, failed_at);

-- A random, unguessable key per dossier and per petition (138 random bits from the server's strong random source, as
-- 24 URL-safe characters): the link in the QR code of the receipt slip, in notices and in a petition's acknowledgment
-- opens its tracking page without any guessing.
create function new_tracking_key() returns varchar language sql volatile as $$
    select left(translate(encode(decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'),
                                 'base64'), '+/', '-_'), 24)
$$;

alter table dossier add column tracking_key varchar(24) not null default new_tracking_key();
alter table petition add column tracking_key varchar(24) not null default new_tracking_key();

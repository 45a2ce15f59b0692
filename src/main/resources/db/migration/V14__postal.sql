-- The public postal service (bưu chính công ích): a courier picks up a dossier's paper documents at the applicant's
-- address (PICKUP) or delivers the result there (DELIVERY). One row per shipment asked for; the postal service's
-- tracking number once it is booked; the status history in postal_shipment_event.
create table postal_shipment (
    id              bigserial   primary key,
    dossier_code    text        not null,
    kind            varchar(8)  not null check (kind in ('PICKUP', 'DELIVERY')),
    recipient_name  text        not null,
    phone           text,                  -- as written; required from the applicant, maybe missing on a walk-in's
    address         text,                  -- idem
    note            text,                  -- for the courier
    fee             bigint      not null check (fee >= 0), -- VND, the tariff when asked; paid to the postal service
    status          varchar(16) not null check (status in ('REQUESTED', 'BOOKING_FAILED', 'BOOKED', 'PICKED_UP',
                                                           'IN_TRANSIT', 'DELIVERED', 'FAILED', 'RETURNED',
                                                           'CANCELLED')),
    status_at       timestamptz not null default now(),
    tracking_number text        unique,
    requested_by    varchar(64),           -- the applicant's account; null when booked on return of the result
    attempts        int         not null default 0, -- booking attempts made
    last_error      text,                  -- why the last booking attempt failed
    next_attempt_at timestamptz,           -- when an unbooked shipment is due to be booked (again); null: not yet
    created_at      timestamptz not null default now(),
    booked_at       timestamptz
);
create index postal_shipment_dossier_idx on postal_shipment (dossier_code, kind);
create index postal_shipment_due_idx on postal_shipment (next_attempt_at) where status in ('REQUESTED', 'BOOKING_FAILED');
create index postal_shipment_open_idx on postal_shipment (status_at) where status in ('BOOKED', 'PICKED_UP', 'IN_TRANSIT');

-- What happened to a shipment, as the postal service reported it (callback or poll) or as this system did it.
create table postal_shipment_event (
    id          bigserial   primary key,
    shipment_id bigint      not null references postal_shipment (id) on delete cascade,
    status      varchar(16) not null,
    happened_at timestamptz not null,
    note        text,
    source      varchar(8)  not null check (source in ('SYSTEM', 'CALLBACK', 'POLL')),
    recorded_at timestamptz not null default now(),
    -- The postal service may report the same status twice (a retried callback, a poll after the callback).
    unique (shipment_id, status, happened_at)
);

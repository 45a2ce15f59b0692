-- Fees and payments (phí, lệ phí; thanh toán trực tuyến). A dossier's fees are assessed from its procedure's fee
-- schedule and its form; payments are orders towards that total, through the VNPay gateway, a bank transfer (VietQR)
-- or at the counter. Gateway callbacks are logged whatever they say.
create table fee_assessment (
    dossier_code   varchar(64) primary key,
    procedure_code varchar(32) not null,
    exemption      varchar(32),  -- the exempt group the applicant declared (FeeExemption), null for none
    exemption_checked_by varchar(64), -- the officer who saw the proof of it
    items          jsonb       not null,
    total          bigint      not null check (total >= 0),
    assessed_at    timestamptz not null
);

create sequence payment_reference_seq;

create table payment (
    id              bigserial primary key,
    reference       varchar(32)  not null unique, -- the order: vnp_TxnRef, the transfer's content, the receipt's order
    dossier_code    varchar(64)  not null,
    method          varchar(16)  not null check (method in ('VNPAY', 'BANK_TRANSFER', 'CASH', 'CARD')),
    amount          bigint       not null check (amount > 0),
    state           varchar(16)  not null check (state in ('CREATED', 'PAID', 'FAILED', 'EXPIRED')),
    created_at      timestamptz  not null,
    created_by      varchar(64)  not null,
    expires_at      timestamptz,
    paid_at         timestamptz,
    transaction_ref varchar(100), -- the gateway's transaction number, the bank's reference, the card slip number
    bank_code       varchar(32),
    failure         varchar(200),
    receipt_number  varchar(32) unique,
    recorded_by     varchar(64),  -- who recorded a counter payment or confirmed a transfer
    excess          boolean      not null default false, -- arrived when the dossier was already paid: to refund
    check ((state = 'PAID') = (paid_at is not null and receipt_number is not null)),
    unique (method, transaction_ref)
);
create index payment_dossier on payment (dossier_code);
create index payment_open on payment (expires_at) where state = 'CREATED';

create table payment_callback (
    id          bigserial primary key,
    received_at timestamptz not null,
    channel     varchar(8)  not null check (channel in ('IPN', 'RETURN')),
    reference   varchar(100),
    answer      varchar(4)  not null, -- the code answered: 00 done, 01 unknown order, 02 already confirmed, 04 wrong amount, 97 bad signature
    params      jsonb       not null
);

-- Receipt numbers run per year and never repeat: BL2026-000001.
create table receipt_counter (
    year int primary key,
    last int not null
);

-- The working-day calendar. Monday to Friday are working days; each row is an exception: a day off on a weekday
-- (holiday, Tết, day in lieu) or a worked Saturday or Sunday. A row with an agency applies to that agency only and
-- takes precedence over the province's row (agency_code null) for the same date.
create table working_calendar_day (
    id          bigserial primary key,
    day         date        not null,
    kind        varchar(24) not null check (kind in ('HOLIDAY', 'COMPENSATORY_DAY_OFF', 'MAKE_UP_WORKING_DAY')),
    name        text        not null check (length(btrim(name)) between 1 and 200),
    agency_code varchar(32), -- null: the whole province
    created_by  varchar(64) not null, -- 'system' for the pre-filled public holidays
    created_at  timestamptz not null default now()
);
-- One exception per date for the province and one per date for each agency.
create unique index working_calendar_day_unique on working_calendar_day (day, coalesce(agency_code, ''));

-- Years whose public holidays have been pre-filled: a year is filled once, so a day an administrator deleted stays
-- deleted.
create table working_calendar_prefilled_year (
    year         int primary key,
    prefilled_at timestamptz not null default now()
);

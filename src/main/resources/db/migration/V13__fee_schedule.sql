-- Fee schedules: a fee may be charged per copy (the number of copies is a NUMBER field of the procedure's form), and
-- may name the applicant groups the law exempts from it (codes of vn.motcua.catalog.FeeExemption).
alter table procedure_fee
    add column per_copy_field varchar(64), -- key of the form field giving the number of copies; null = fixed amount
    add column exemptions     text[] not null default '{}';

-- When a process wants the fees paid: before the dossier is processed, or any time before the result is returned.
alter table process
    add column payment_stage varchar(24) not null default 'BEFORE_RETURN'
        constraint process_payment_stage_check check (payment_stage in ('BEFORE_PROCESSING', 'BEFORE_RETURN'));

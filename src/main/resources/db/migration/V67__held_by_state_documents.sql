-- Population database part: a required document the state already holds in the national population database
-- ("Nhà nước đã có", e.g. a residence confirmation), not asked for again when the applicant's identity check matches.
alter table required_document
    add column held_by_state boolean not null default false;

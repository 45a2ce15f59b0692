-- Organisation: an official acting as leader ("quyền trưởng / phụ trách") for a period holds LEADER on
-- the days from acting_from to acting_to, both included.
alter table staff add column acting_from date;
alter table staff add column acting_to date;
alter table staff add constraint staff_acting_period check (
    (acting_from is null and acting_to is null) or (acting_from is not null and acting_to is not null and acting_to >= acting_from));

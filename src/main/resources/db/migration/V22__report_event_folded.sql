-- Facts are written in the same transaction as the change they record, and folded into the counts a moment later,
-- many at a time. A fact not yet folded waits here; facts already in the history count as folded.
alter table report_event add column folded boolean not null default true;
alter table report_event alter column folded set default false;
create index report_event_unfolded_idx on report_event (id) where not folded;

-- Taken (LOCK TABLE) by whoever folds or rebuilds, so that one does at a time across nodes. A table lock, unlike an
-- advisory lock taken by a query, is held before the transaction's snapshot is fixed, so the folder always sees what
-- the previous one committed.
create table report_folder (id int primary key);

-- The official's working day: whether reception's "Tiếp nhận" of an online dossier also moves it on to the
-- process's next step in the same action. Off for the processes that exist, so their dossiers keep moving as before.
alter table process add column advance_on_reception boolean not null default false;

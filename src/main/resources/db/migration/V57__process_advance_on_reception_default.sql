-- "Tiếp nhận moves the dossier on": a one-stop shop's reception checks an online dossier before receiving
-- it, so receiving it hands it to the next step. New processes do so by default, and so do the default processes the
-- system created on first use (created_by 'system': the demo's, and any an administrator never edited). A version an
-- administrator saved keeps the choice they made in the process editor.
alter table process alter column advance_on_reception set default true;
update process set advance_on_reception = true where created_by = 'system';

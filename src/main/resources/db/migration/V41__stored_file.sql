-- Issue 14, files in object storage: the bytes of every kept file once, under their SHA-256 (lower-case hex), when
-- motcua.files.store is "database" (the default). Dossier files, results and wallet documents keep only the hash, so a
-- wallet document and the dossier file it came from share one copy. With motcua.files.store=s3 this table stays empty
-- (`files move --to=s3` empties it).
create table stored_file (
    sha256     char(64)    primary key,
    content    bytea       not null,
    size       bigint      not null,
    created_at timestamptz not null default now()
);

-- Existing files move in, keyed by the hash of what is actually stored (a row whose recorded hash disagreed is
-- corrected to it, so that it still finds its bytes).
insert into stored_file (sha256, content, size)
select encode(sha256(content), 'hex'), content, length(content) from dossier_file
on conflict (sha256) do nothing;
insert into stored_file (sha256, content, size)
select encode(sha256(content), 'hex'), content, length(content) from result_document
on conflict (sha256) do nothing;
insert into stored_file (sha256, content, size)
select encode(sha256(content), 'hex'), content, length(content) from wallet_document
on conflict (sha256) do nothing;

update dossier_file set sha256 = encode(sha256(content), 'hex') where sha256 <> encode(sha256(content), 'hex');
update result_document set sha256 = encode(sha256(content), 'hex') where sha256 <> encode(sha256(content), 'hex');
-- A wallet row is unique per owner and hash: a corrected hash that the owner already has is a duplicate, dropped.
delete from wallet_document w where w.sha256 <> encode(sha256(w.content), 'hex')
    and exists (select 1 from wallet_document o where o.owner = w.owner and o.id <> w.id
                and o.sha256 = encode(sha256(w.content), 'hex'));
update wallet_document set sha256 = encode(sha256(content), 'hex') where sha256 <> encode(sha256(content), 'hex');

alter table wallet_document add column size bigint;
update wallet_document set size = length(content);
alter table wallet_document alter column size set not null;

alter table dossier_file drop column content;
alter table result_document drop column content;
alter table wallet_document drop column content;

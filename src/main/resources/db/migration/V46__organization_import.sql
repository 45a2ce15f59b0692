-- Organisation: an uploaded organisation workbook waits here between its preview and its application, so
-- that "apply" works on whichever node the next request reaches. Applied or abandoned ones are swept after a day.
create table organization_import (
    id         uuid primary key,
    author     varchar(64) not null,
    file_name  text        not null,
    content    bytea       not null,
    created_at timestamptz not null,
    applied_at timestamptz
);

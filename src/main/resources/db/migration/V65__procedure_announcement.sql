-- Issue 16, national catalog: the decision that announced each procedure (Quyết định công bố), the date its legal
-- basis takes effect, and the day it was first published on this portal (CKMB1, CKMB2). Existing rows stay null:
-- nobody knows when they were first published.
alter table procedure
    add column decision_number text,
    add column decision_date date,
    add column effective_date date,
    add column first_published_on date;

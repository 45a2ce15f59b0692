-- Conditional requirements: a document or form field that is required only when another form field's
-- answer is one of the given values. Both null on an unconditional row.
alter table required_document
    add column required_when_field  varchar(64),
    add column required_when_values text[];
alter table form_field
    add column required_when_field  varchar(64),
    add column required_when_values text[];

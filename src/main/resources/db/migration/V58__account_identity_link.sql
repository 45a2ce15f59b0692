-- Issue 16, national identity sign-in: which account an identity of an OpenID provider signs in to.
create table account_identity_link (
    provider   text        not null, -- the provider's issuer
    subject    text        not null, -- its "sub" claim
    id_number  varchar(12) not null, -- the personal identification number it carried when linked
    account_id bigint      not null references account (id) on delete cascade,
    linked_at  timestamptz not null,
    primary key (provider, subject)
);
create index account_identity_link_account_idx on account_identity_link (account_id);

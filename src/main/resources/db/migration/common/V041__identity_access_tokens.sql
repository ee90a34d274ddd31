-- Personal access tokens for the admin API. Only the SHA-256 of a token is kept (the token itself is
-- shown once, when it is made). "scopes" is a comma-separated subset of READ, WRITE, PUBLISH.
-- A revoked token keeps its row, so the page and the audit log can still say what it was.
create table access_token (
    id            ${id},
    account_id    bigint       not null references account (id),
    name          varchar(80)  not null,
    scopes        varchar(40)  not null,
    token_hash    varchar(64)  not null unique,
    created_at    bigint       not null,
    last_used_at  bigint,
    revoked_at    bigint
);

create index access_token_account on access_token (account_id);

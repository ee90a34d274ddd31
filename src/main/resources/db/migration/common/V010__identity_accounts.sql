-- Newsroom accounts. Roles are a comma-separated list of role names (a person may hold several).
-- "status" is ACTIVE or DISABLED; a disabled account cannot sign in and loses its open sessions.
-- Failed sign-ins are counted per account; after too many the account is locked until "locked_until".
create table account (
    id               ${id},
    username         varchar(60)  not null unique,
    display_name     varchar(120) not null,
    password_hash    varchar(200) not null,
    roles            varchar(200) not null,
    status           varchar(20)  not null,
    ui_language      varchar(2)   not null,
    failed_logins    integer      not null default 0,
    locked_until     bigint,
    created_at       bigint       not null,
    password_changed_at bigint    not null
);

-- Who did what and when: publishing, unpublishing, deleting, account and role changes.
create table audit_event (
    id        ${id},
    at        bigint       not null,
    actor     varchar(60)  not null,
    action    varchar(60)  not null,
    subject   varchar(200) not null,
    detail    text         not null default ''
);
create index audit_event_at on audit_event (at);

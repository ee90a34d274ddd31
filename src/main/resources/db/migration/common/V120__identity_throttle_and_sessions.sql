-- Failed sign-ins, counted per client address and per typed username (known or not), so every node
-- of a cluster sees the same counts. A subject is refused without a password check until blocked_until.
create table sign_in_throttle (
    subject          varchar(200) primary key,
    failures         integer      not null,
    last_failure_at  bigint       not null,
    blocked_until    bigint       not null
);

-- Raised on every password change and reset: a session signed in under an older version is ended.
alter table account add column session_version integer not null default 0;

-- Newsroom sessions (Spring Session JDBC), so a load balancer needs no sticky sessions.
create table spring_session (
    primary_id             char(36)     not null primary key,
    session_id             char(36)     not null unique,
    creation_time          bigint       not null,
    last_access_time       bigint       not null,
    max_inactive_interval  integer      not null,
    expiry_time            bigint       not null,
    principal_name         varchar(100)
);
create index spring_session_expiry on spring_session (expiry_time);
create index spring_session_principal on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id  char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name      varchar(200) not null,
    attribute_bytes     ${bytes}     not null,
    primary key (session_primary_id, attribute_name)
);

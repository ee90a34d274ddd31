-- Events written in the same transaction as the change they announce; consumers read them after commit.
-- Instants are epoch milliseconds in bigint columns: one representation on SQLite and PostgreSQL.
create table outbox_event (
    id          ${id},
    type        varchar(100) not null,
    payload     text         not null,
    created_at  bigint       not null
);

-- One cursor per consumer: the id of the last event it handled.
create table outbox_cursor (
    consumer    varchar(100) primary key,
    position    bigint       not null
);

-- Outbox cursors by scope: a consumer that runs once per cluster keeps one cursor (node '') that a node
-- claims with a lease (lease_owner until lease_until, epoch milliseconds); one that runs on every node keeps
-- a cursor per node id, touched (seen_at) while the node runs, so lag metrics can leave out nodes long gone.
create table outbox_cursor_scoped (
    consumer    varchar(100) not null,
    node        varchar(100) not null,
    position    bigint       not null,
    lease_owner varchar(100),
    lease_until bigint       not null default 0,
    seen_at     bigint       not null default 0,
    primary key (consumer, node)
);

-- the cursors so far were shared by every node: they become the shared cursors (a consumer that now runs on
-- every node starts on each node from the first event, and the relay drops its old shared cursor)
insert into outbox_cursor_scoped (consumer, node, position) select consumer, '', position from outbox_cursor;
drop table outbox_cursor;
alter table outbox_cursor_scoped rename to outbox_cursor;

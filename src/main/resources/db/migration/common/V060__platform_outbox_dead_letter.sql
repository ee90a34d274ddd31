-- Events a consumer failed on again and again. The relay records them here and moves on, so that one
-- event it cannot handle does not stop every later event from reaching that consumer; operators
-- look here (and in the logs) to repair and replay.
create table outbox_dead_letter (
    consumer    varchar(100) not null,
    event_id    bigint       not null,
    error       text         not null,
    failed_at   bigint       not null,
    primary key (consumer, event_id)
);

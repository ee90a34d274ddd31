-- Webhook registrations: where to send which story events, and the secret that signs them.
-- The secret must be kept readable (it signs every payload); it is shown to the admin once.
create table webhook (
    id           ${id},
    url          varchar(2000) not null,
    secret       varchar(100)  not null,
    events       varchar(200)  not null,  -- comma-separated: story.published,story.updated,...
    status       varchar(20)   not null,  -- ACTIVE or DISABLED
    description  varchar(200)  not null default '',
    created_at   bigint        not null
);

-- One event for one webhook. The id is sent as the webhook-id header on every attempt, so a receiver
-- recognises a redelivery; (webhook_id, outbox_event_id) is unique, so a consumer that handles the
-- same outbox event twice after a crash creates no second delivery.
create table webhook_delivery (
    id               varchar(36)  primary key,
    webhook_id       bigint       not null references webhook (id) on delete cascade,
    outbox_event_id  bigint       not null,
    event            varchar(40)  not null,
    payload          text         not null,
    status           varchar(20)  not null,  -- PENDING, DELIVERED or FAILED
    attempts         integer      not null,
    next_attempt_at  bigint       not null,
    locked_until     bigint,                 -- a node is sending it until then
    last_status      integer,
    last_error       varchar(500),
    created_at       bigint       not null,
    delivered_at     bigint,
    unique (webhook_id, outbox_event_id)
);
create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);

-- The delivery log: every attempt with the receiver's answer.
create table webhook_attempt (
    delivery_id   varchar(36)  not null references webhook_delivery (id) on delete cascade,
    number        integer      not null,
    attempted_at  bigint       not null,
    status_code   integer,
    error         varchar(500),
    duration_ms   bigint       not null,
    primary key (delivery_id, number)
);

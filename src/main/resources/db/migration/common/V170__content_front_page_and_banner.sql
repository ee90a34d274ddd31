-- The edited front page: per language, the stories editors put in numbered slots (position 1 leads),
-- each pinned until a time or until changed; slots left empty follow by time. "state" is 'draft' (what
-- the newsroom arranges and previews) or 'live' (what readers see). "expiry_announced" is set once the
-- expiry of a live pin has been announced through the outbox, so that cached home pages go at once.
create table front_slot (
    language          varchar(2)  not null,
    state             varchar(5)  not null,
    position          integer     not null,
    story_id          bigint      not null references story (id) on delete cascade,
    pinned_until      bigint,
    expiry_announced  integer     not null default 0,
    primary key (language, state, position)
);

-- The breaking-news banner of a language: a short text linking to a published story (or live blog),
-- shown on every reader page until "expires_at". "expiry_announced" as for front_slot.
create table breaking_banner (
    language          varchar(2)   primary key,
    text              varchar(200) not null,
    story_id          bigint       not null references story (id) on delete cascade,
    expires_at        bigint       not null,
    set_at            bigint       not null,
    set_by            varchar(60)  not null,
    expiry_announced  integer      not null default 0
);

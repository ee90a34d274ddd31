-- A story can be a live blog: its versions are the introduction, and entries are posted under it.
-- "state" is live, paused or ended; "untranslated" says what readers of another language see of an entry
-- written in one language only: 'show' (in its own language, with a note) or 'hide'.
create table live_blog (
    story_id      bigint      primary key references story (id) on delete cascade,
    state         varchar(6)  not null,
    started_at    bigint      not null,
    ended_at      bigint,
    untranslated  varchar(4)  not null default 'show'
);

-- One entry: written in one language, by a byline, with an optional headline and a body of the usual blocks
-- (JSON, as a version's body). "key_event" puts it in the summary at the top; a correction sets
-- "corrected_at"; a withdrawn entry stays as a note that it was withdrawn.
create table live_entry (
    id            ${id},
    story_id      bigint       not null references story (id) on delete cascade,
    language      varchar(2)   not null,
    posted_at     bigint       not null,
    author        varchar(120) not null,
    headline      varchar(300) not null default '',
    body          text         not null,
    key_event     integer      not null default 0,
    withdrawn     integer      not null default 0,
    corrected_at  bigint,
    posted_by     varchar(60)  not null
);
create index live_entry_story on live_entry (story_id, posted_at);

-- Every change to a live blog's entries in order: the event stream's ids. A reader reconnecting with
-- Last-Event-ID gets every change after it, so nothing is missed between two connections.
create table live_change (
    id            ${id},
    story_id      bigint       not null references story (id) on delete cascade,
    entry_id      bigint       not null,
    kind          varchar(9)   not null,
    at            bigint       not null
);
create index live_change_story on live_change (story_id, id);

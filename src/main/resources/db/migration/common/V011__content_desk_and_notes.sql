-- The newsroom account that opened a story: contributors may edit only their own drafts.
alter table story add column created_by varchar(60) not null default '';
create index story_status_scheduled on story (status, scheduled_at);

-- Dated corrections and updates that readers see under a published story, per language.
create table story_note (
    id          ${id},
    story_id    bigint       not null references story (id) on delete cascade,
    language    varchar(2)   not null,
    kind        varchar(20)  not null,
    text        text         not null,
    created_by  varchar(60)  not null,
    created_at  bigint       not null
);
create index story_note_by_story on story_note (story_id, language);

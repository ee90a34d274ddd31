-- A section page has its own edited front, as the home page has: front_slot gains the section it arranges
-- (null for the home page). The primary key cannot hold a null, so a unique index over the section (0 for the
-- home page) keeps one story per place of each front; the table is rebuilt, as SQLite cannot change a key.
create table front_slot_by_section (
    language          varchar(2)  not null,
    section_id        bigint      references section (id) on delete cascade,
    state             varchar(5)  not null,
    position          integer     not null,
    story_id          bigint      not null references story (id) on delete cascade,
    pinned_until      bigint,
    expiry_announced  integer     not null default 0
);

insert into front_slot_by_section (language, section_id, state, position, story_id, pinned_until, expiry_announced)
select language, null, state, position, story_id, pinned_until, expiry_announced from front_slot;

drop table front_slot;

alter table front_slot_by_section rename to front_slot;

create unique index front_slot_place on front_slot (language, coalesce(section_id, 0), state, position);
create index front_slot_story on front_slot (story_id);

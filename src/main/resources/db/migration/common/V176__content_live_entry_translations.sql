-- An entry's translations. "revision" counts the corrections of an entry's text (a change of its flag or byline
-- alone leaves it); a translation records the revision it was made from, so a correction of the source puts it
-- behind (stale) until a translator updates it. The source text it was made from is kept to show what changed.
alter table live_entry add column revision integer not null default 1;

create table live_entry_translation (
    entry_id         bigint       not null references live_entry (id) on delete cascade,
    language         varchar(2)   not null,
    headline         varchar(300) not null default '',
    body             text         not null,
    source_revision  integer      not null,
    source_headline  varchar(300) not null default '',
    source_body      text         not null,
    translated_at    bigint       not null,
    translated_by    varchar(60)  not null,
    primary key (entry_id, language)
);

-- A translation is a change of its own in the event stream, for the readers of its language only: "language"
-- names it, and "kind" grows to hold 'translated' (rebuilt in steps both databases take; 'posted' is only the
-- default the copy needs).
alter table live_change add column language varchar(2);
alter table live_change add column kind_named varchar(12) not null default 'posted';
update live_change set kind_named = kind;
alter table live_change drop column kind;
alter table live_change rename column kind_named to kind;

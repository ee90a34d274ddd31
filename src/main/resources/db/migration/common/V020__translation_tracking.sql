-- For each translated item (a body block, or the headline, standfirst or lead image texts) of a
-- target version: the source revision and the fingerprint of the source item it was last brought in
-- line with. A source item whose fingerprint has moved on marks the translation "needs update".
create table translation_item (
    story_id         bigint       not null references story (id) on delete cascade,
    language         varchar(2)   not null,
    item_id          varchar(40)  not null,
    source_language  varchar(2)   not null,
    source_revision  integer      not null,
    source_hash      varchar(64)  not null,
    updated_by       varchar(100) not null,
    updated_at       bigint       not null,
    primary key (story_id, language, item_id)
);

-- How many items of each target version are behind their source, kept current by an outbox consumer
-- so that the translation queue and the newsroom badges need no recomputation.
create table translation_state (
    story_id       bigint      not null references story (id) on delete cascade,
    language       varchar(2)  not null,
    stale_items    integer     not null,
    checked_at     bigint      not null,
    primary key (story_id, language)
);

-- Earlier translations, proposed again when a new source text equals or closely matches an old one.
create table translation_memory (
    id               ${id},
    source_language  varchar(2)  not null,
    target_language  varchar(2)  not null,
    source_hash      varchar(64) not null,
    source_text      text        not null,
    target_text      text        not null,
    source_length    integer     not null,
    created_at       bigint      not null,
    unique (source_language, target_language, source_hash)
);
create index translation_memory_by_length on translation_memory (source_language, target_language, source_length);

-- Archives brought in from other platforms (WordPress, Ghost).

-- What each item of a source became: a second run of the same file creates nothing twice, an interrupted
-- run resumes where it stopped. "site" is the exported site's address (two sites may share post ids);
-- "source_key" names the item within it ("post:12", "group:wpml:7", "category:world", "author:olena",
-- "media:31"); "kind" what it became (story, version, page, page-version, section, tag, author, media) and
-- "target_id" its id; "digest" is the SHA-256 of what was read, so an unchanged item is left alone.
create table import_item (
    source       varchar(20)  not null,
    site         varchar(200) not null,
    source_key   varchar(200) not null,
    kind         varchar(20)  not null,
    target_id    bigint       not null,
    language     varchar(2)   not null default '',
    digest       varchar(64)  not null default '',
    imported_at  bigint       not null,
    primary key (source, site, source_key)
);

-- The addresses readers and search engines knew on the old site (a path, "?p=12", "?cat=3"), answered with a
-- permanent redirect to what they became. The new address is built when asked, so it follows later renames.
-- "kind" is story, page, section, tag, author or home; "feed" 1 for a feed address (redirected to the feed).
create table import_address (
    address    varchar(500) not null primary key,
    kind       varchar(20)  not null,
    target_id  bigint       not null,
    language   varchar(2)   not null,
    feed       integer      not null default 0
);

-- Each run of an import: who started it, how far it is, and its report once done (one line per item).
create table import_run (
    id           ${id},
    source       varchar(20)  not null,
    file_name    varchar(200) not null,
    dry_run      integer      not null,
    state        varchar(20)  not null,
    total        integer      not null default 0,
    done         integer      not null default 0,
    started_by   varchar(100) not null,
    started_at   bigint       not null,
    finished_at  bigint,
    message      text         not null default ''
);

create table import_outcome (
    run_id     bigint       not null references import_run (id) on delete cascade,
    position   integer      not null,
    source_id  varchar(200) not null,
    item_type  varchar(20)  not null,
    outcome    varchar(20)  not null,
    target     varchar(200) not null default '',
    reason     text         not null default '',
    primary key (run_id, position)
);

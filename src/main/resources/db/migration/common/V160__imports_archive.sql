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

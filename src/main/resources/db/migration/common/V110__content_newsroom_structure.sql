-- What a newsroom sets up for itself: sections, tags and authors with their texts in each language,
-- the addresses they used to have, static pages and the publication's settings.

-- Sections: a description and search-engine texts per language. "hidden" keeps a section out of the
-- navigation; "archived" also closes it to new stories (its pages and stories keep answering).
alter table section add column description_uk text not null default '';
alter table section add column description_en text not null default '';
alter table section add column description_ru text not null default '';
alter table section add column seo_title_uk text not null default '';
alter table section add column seo_title_en text not null default '';
alter table section add column seo_title_ru text not null default '';
alter table section add column seo_description_uk text not null default '';
alter table section add column seo_description_en text not null default '';
alter table section add column seo_description_ru text not null default '';
alter table section add column hidden integer not null default 0;
alter table section add column archived integer not null default 0;

alter table tag add column description_uk text not null default '';
alter table tag add column description_en text not null default '';
alter table tag add column description_ru text not null default '';

-- Authors are bylines, not accounts: guest writers and agencies have no account. "links" is a JSON
-- array of the addresses of the author's other profiles (rel="me", sameAs); "account_id" optionally
-- names the newsroom account that writes under this byline (at most one profile per account).
alter table author add column job_title_uk varchar(120) not null default '';
alter table author add column job_title_en varchar(120) not null default '';
alter table author add column job_title_ru varchar(120) not null default '';
alter table author add column photo_media_id bigint references media_asset (id) on delete set null;
alter table author add column links text not null default '[]';
alter table author add column account_id bigint;
create unique index author_account on author (account_id) where account_id is not null;

-- Slugs that no longer name anything: a renamed section, tag, author or page, or a tag merged into
-- another, keeps its old address answering with a permanent redirect to what it names now.
-- "language" is empty for sections, tags and authors (their slugs are the same in every language).
create table slug_redirect (
    kind        varchar(20)  not null,
    language    varchar(2)   not null default '',
    slug        varchar(100) not null,
    target_id   bigint       not null,
    created_at  bigint       not null,
    primary key (kind, language, slug)
);
create index slug_redirect_target on slug_redirect (kind, target_id);

-- Static pages (about, contacts, editorial policy...): "purpose" names the schema.org property of the
-- publisher that points at the page (publishingPrinciples, correctionsPolicy...), empty for none;
-- "in_footer" lists it in the footer of every reader page, in "position" order.
create table page (
    id          ${id},
    position    integer      not null,
    in_footer   integer      not null default 1,
    purpose     varchar(40)  not null default '',
    created_at  bigint       not null,
    created_by  varchar(60)  not null
);
create unique index page_purpose on page (purpose) where purpose <> '';

-- One row per language of a page, with the same body blocks as a story. Readers see a version only
-- while "live" is 1; its slug is unique within its language.
create table page_version (
    page_id          bigint       not null references page (id) on delete cascade,
    language         varchar(2)   not null,
    slug             varchar(100) not null,
    title            text         not null,
    summary          text         not null default '',
    seo_title        text         not null default '',
    seo_description  text         not null default '',
    body             text         not null,
    live             integer      not null default 0,
    updated_at       bigint       not null,
    updated_by       varchar(60)  not null,
    primary key (page_id, language)
);
create unique index page_version_slug on page_version (language, slug);

-- The publication's settings, one row. A null column means "not set": the value then comes from the
-- configuration (masthead.site.*). "social_links" is a JSON array of the newsroom's own profiles.
create table publication (
    id                integer      primary key,
    name_uk           varchar(120),
    name_en           varchar(120),
    name_ru           varchar(120),
    logo_media_id     bigint       references media_asset (id) on delete set null,
    default_language  varchar(2),
    time_zone         varchar(60),
    social_links      text         not null default '[]',
    updated_at        bigint       not null,
    updated_by        varchar(60)  not null
);

-- Moves on every change to what every reader page shows around its content (the sections of the
-- navigation, the footer's pages, the publication's settings), in that change's transaction: a node
-- reads this one number per page and reloads the rest only when it moved.
create table layout_version (
    id       integer primary key,
    version  bigint  not null
);
insert into layout_version (id, version) values (1, 0);

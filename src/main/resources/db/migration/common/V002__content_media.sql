create table media_asset (
    id            ${id},
    content_type  varchar(50)  not null,
    width         integer      not null,
    height        integer      not null,
    byte_size     bigint       not null,
    created_at    bigint       not null
);

-- The widths for which a resized copy exists on the media store (always including the original width).
create table media_variant (
    media_id      bigint       not null references media_asset (id) on delete cascade,
    width         integer      not null,
    height        integer      not null,
    primary key (media_id, width)
);

create table section (
    id            ${id},
    slug          varchar(80)  not null unique,
    position      integer      not null,
    name_uk       varchar(120) not null,
    name_en       varchar(120) not null,
    name_ru       varchar(120) not null
);

create table tag (
    id            ${id},
    slug          varchar(80)  not null unique,
    name_uk       varchar(120) not null,
    name_en       varchar(120) not null,
    name_ru       varchar(120) not null
);

create table author (
    id            ${id},
    slug          varchar(80)  not null unique,
    name_uk       varchar(120) not null,
    name_en       varchar(120) not null,
    name_ru       varchar(120) not null,
    bio_uk        text         not null default '',
    bio_en        text         not null default '',
    bio_ru        text         not null default ''
);

-- The identity of one piece of journalism, shared by its language versions.
create table story (
    id                  ${id},
    section_id          bigint      not null references section (id),
    status              varchar(20) not null,
    source_language     varchar(2)  not null,
    lead_image_id       bigint      references media_asset (id),
    created_at          bigint      not null,
    first_published_at  bigint,
    scheduled_at        bigint
);
create index story_section on story (section_id);

create table story_author (
    story_id   bigint  not null references story (id) on delete cascade,
    author_id  bigint  not null references author (id),
    position   integer not null,
    primary key (story_id, author_id)
);
create index story_author_by_author on story_author (author_id);

create table story_tag (
    story_id   bigint not null references story (id) on delete cascade,
    tag_id     bigint not null references tag (id),
    primary key (story_id, tag_id)
);
create index story_tag_by_tag on story_tag (tag_id);

-- Every save of a language version: the full text as it was, so any revision can be shown,
-- compared, restored or served as the published one.
create table revision (
    story_id            bigint       not null references story (id) on delete cascade,
    language            varchar(2)   not null,
    number              integer      not null,
    slug                varchar(100) not null,
    headline            text         not null,
    standfirst          text         not null,
    seo_title           text         not null default '',
    seo_description     text         not null default '',
    lead_image_caption  text         not null default '',
    lead_image_credit   text         not null default '',
    lead_image_alt      text         not null default '',
    body                text         not null,
    saved_by            varchar(100) not null,
    saved_at            bigint       not null,
    primary key (story_id, language, number)
);

-- One row per language version. "revision" is the latest save (the working copy);
-- "published_revision" is what readers see, so a saved edit reaches readers only when published.
-- "published_at" is the first publication and stays after unpublishing: the page then answers 410 Gone.
create table story_version (
    story_id            bigint       not null references story (id) on delete cascade,
    language            varchar(2)   not null,
    revision            integer      not null,
    published_revision  integer,
    published_at        bigint,
    updated_at          bigint,
    primary key (story_id, language)
);
create index story_version_live on story_version (language, published_at);

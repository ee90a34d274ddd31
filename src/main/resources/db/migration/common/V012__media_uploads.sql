-- Uploaded images: the file name it came with (for search) and who uploaded it.
alter table media_asset add column original_name varchar(255) not null default '';
alter table media_asset add column uploaded_by varchar(60) not null default '';

-- Caption, credit and alt text of an image in each language; copied into an image block when an
-- editor places the image, and required there before the story can be published.
create table media_text (
    media_id   bigint       not null references media_asset (id) on delete cascade,
    language   varchar(2)   not null,
    caption    text         not null default '',
    credit     text         not null default '',
    alt        text         not null default '',
    primary key (media_id, language)
);

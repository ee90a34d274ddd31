-- The revision of each version that an editor approved (by scheduling or publishing): what the scheduler
-- makes live, whatever was saved after it. Stories already scheduled or published were approved as they are.
alter table story_version add column approved_revision integer;
update story_version set approved_revision = revision
 where story_id in (select id from story where status = 'SCHEDULED');
update story_version set approved_revision = published_revision where published_revision is not null
   and story_id in (select id from story where status <> 'SCHEDULED');

-- When an image first appeared on a published page; until then only signed-in staff may load it.
-- Images uploaded before this column existed were public already and stay so.
alter table media_asset add column published_at bigint;
update media_asset set published_at = created_at;

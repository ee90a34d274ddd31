-- The newest stories of a tag, read backwards through this index when a story page picks related
-- stories: the page renders in the same time with a hundred thousand stories as with a hundred.
create index story_tag_newest on story_tag (tag_id, story_id);

-- Caption, credit and alt text folded to lower case by the application, for case-insensitive search of
-- the media library in any script (SQLite's lower() folds only ASCII letters).
alter table media_text add column folded text not null default '';
update media_text set folded = lower(caption || ' ' || credit || ' ' || alt);

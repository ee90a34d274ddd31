-- Headlines folded to lower case by the application, for case-insensitive search in any script:
-- SQLite's lower() folds only ASCII letters, so "Переговори" could not be found as "переговори".
-- Rows written before this column existed are folded here as well as each database can; every new
-- save stores the application's folding.
alter table revision add column headline_folded text not null default '';
update revision set headline_folded = lower(headline);

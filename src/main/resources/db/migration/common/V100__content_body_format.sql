-- The format of a revision's body JSON: 1 is the plain-text blocks of before inline marks, 2 the blocks
-- whose texts carry marks (docs/body-format.md). V101 moves every body to 2; readers of the body expect 2.
alter table revision add column body_format integer not null default 1;

-- Imports started from the newsroom's import page: one row per run, with how far it is, so that the page on any
-- node shows its progress; the report lines once it has ended. "status" is running, finished, failed (the file
-- could not be imported: "message" says why) or interrupted (the node stopped during the run); "total" is 0 until
-- the first pass over the file has counted its items, "counted_at" when it did (items per second count from
-- there). "node" is the node that runs it. The uploaded file is kept under the node's data folder until the run
-- ends, "file_size" in bytes.
create table import_run (
    id          ${id},
    source      varchar(20)  not null,
    file_name   varchar(255) not null,
    file_size   bigint       not null,
    dry_run     integer      not null default 0,
    status      varchar(20)  not null,
    total       integer      not null default 0,
    done        integer      not null default 0,
    imported    integer      not null default 0,
    updated     integer      not null default 0,
    unchanged   integer      not null default 0,
    skipped     integer      not null default 0,
    failed      integer      not null default 0,
    message     text         not null default '',
    started_by  varchar(100) not null,
    node        varchar(100) not null,
    started_at  bigint       not null,
    counted_at  bigint,
    finished_at bigint
);
create index import_run_started on import_run (started_at);

-- What became of each item of a run, in the order the import met them (the report shown and downloaded).
create table import_run_line (
    run_id     bigint       not null references import_run (id) on delete cascade,
    position   integer      not null,
    source_id  varchar(500) not null,
    type       varchar(20)  not null,
    outcome    varchar(20)  not null,
    target     varchar(200) not null,
    reason     text         not null,
    primary key (run_id, position)
);
create index import_run_line_outcome on import_run_line (run_id, outcome, position);

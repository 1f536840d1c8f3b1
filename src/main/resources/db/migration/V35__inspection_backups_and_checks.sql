-- Backups of MedOps's own database (备份) and the monthly backup check (备份检查): one row per backup taken, kept
-- after its file is pruned (status REMOVED) so the history stays; one row per check with its table-by-table counts.
create table inspection_backups (
    id             bigserial    primary key,
    file_name      varchar(200) not null,
    format         varchar(16)  not null,
    status         varchar(16)  not null,
    trigger        varchar(16)  not null,
    started_by     varchar(128) not null,
    started_at     timestamptz  not null,
    finished_at    timestamptz,
    size_bytes     bigint,
    sha256         varchar(64),
    schema_version varchar(50),
    table_count    int,
    row_count      bigint,
    -- For a pg_dump backup: [{"table","rows"}] counted in the dump's own snapshot (an archive carries its manifest).
    tables         jsonb        not null default '[]',
    reason_code    varchar(64),
    reason_detail  text,
    removed_at     timestamptz
);
create index inspection_backups_started on inspection_backups (started_at desc, id desc);

create table inspection_backup_checks (
    id              bigserial    primary key,
    backup_id       bigint       references inspection_backups (id),
    file_name       varchar(200),
    status          varchar(16)  not null,
    trigger         varchar(16)  not null,
    started_by      varchar(128) not null,
    started_at      timestamptz  not null,
    finished_at     timestamptz,
    duration_ms     bigint,
    backup_size     bigint,
    backup_taken_at timestamptz,
    schema_version  varchar(50),
    table_count     int,
    backup_rows     bigint,
    restored_rows   bigint,
    live_rows       bigint,
    mismatches      int,
    reason_code     varchar(64),
    reason_detail   text
);
create index inspection_backup_checks_started on inspection_backup_checks (started_at desc, id desc);

create table inspection_backup_check_tables (
    check_id      bigint       not null references inspection_backup_checks (id),
    table_name    varchar(200) not null,
    backup_rows   bigint,
    restored_rows bigint,
    live_rows     bigint,
    matches       boolean      not null,
    primary key (check_id, table_name)
);

-- The plan an administrator may change in the console (one row); the directory and pg_dump stay in the
-- configuration file, where only the operator of the machine sets them.
create table inspection_backup_plan (
    id         int          primary key check (id = 1),
    keep       int          not null,
    daily_at   varchar(5)   not null,
    check_day  int          not null,
    check_at   varchar(5)   not null,
    updated_at timestamptz  not null,
    updated_by varchar(128) not null
);

-- Inspection: which ops-desk ticket each failing (and again passing) check of a round opened or joined, one open
-- ticket per target and check; and how far the log-line check read each log file, so a round reports only the
-- lines written since the last one.
create table inspection_ticket_links (
    id          bigserial    primary key,
    ticket_id   bigint       not null references tickets (id),
    target_code varchar(64)  not null,
    check_code  varchar(64)  not null,
    round_id    bigint       not null references inspection_rounds (id),
    result      varchar(8)   not null,
    linked_at   timestamptz  not null,
    unique (round_id, target_code, check_code)
);
create index inspection_ticket_links_check on inspection_ticket_links (target_code, check_code, ticket_id);
create index inspection_ticket_links_ticket on inspection_ticket_links (ticket_id);

create table inspection_log_marks (
    target_code varchar(64)   not null,
    path        varchar(1000) not null,
    lines       bigint        not null,
    read_at     timestamptz   not null,
    primary key (target_code, path)
);

-- A running round's runner touches it every half minute; a round left RUNNING without a recent touch was
-- abandoned by a crash or a restart and is finished as interrupted by whichever node sees it first.
alter table inspection_rounds add column heartbeat_at timestamptz;
create index inspection_rounds_running on inspection_rounds (status) where status = 'RUNNING';

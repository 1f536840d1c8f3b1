-- Remote-maintenance windows (远程维护许可): requested by a vendor engineer, decided by the hospital.
create table remote_windows (
    id            bigserial primary key,
    requester     varchar(64) not null,
    system        varchar(200) not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    reason        varchar(2000) not null,
    ticket_refs   varchar(500),
    status        varchar(16) not null,
    decided_by    varchar(64),
    decided_at    timestamptz,
    decision_note varchar(1000),
    ended_at      timestamptz,
    ended_by      varchar(64),
    created_at    timestamptz not null,
    check (ends_at > starts_at)
);
create index remote_windows_requester on remote_windows (requester, status, ends_at);

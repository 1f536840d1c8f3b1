-- Changes to accounts that hold a separated duty (系统/安全/审计管理员): the system duty proposes, another
-- duty approves or rejects. password_part is the proposer's half of a split temporary password, kept only
-- while the request is pending (the approver's half is never stored).
create table account_requests (
    id              bigserial primary key,
    kind            varchar(32) not null,
    target_username varchar(64) not null,
    display_name    varchar(128),
    email           varchar(256),
    roles           varchar(2000),
    approving_duty  varchar(16) not null,
    split_password  boolean not null,
    password_part   varchar(64),
    status          varchar(16) not null,
    proposed_by     varchar(64) not null,
    proposed_at     timestamptz not null,
    decided_by      varchar(64),
    decided_at      timestamptz,
    reason          varchar(512)
);

-- One open request per account at a time: a second proposal waits for the first decision.
create unique index account_requests_one_pending on account_requests (target_username) where status = 'PENDING';
create index account_requests_by_status on account_requests (status, id desc);

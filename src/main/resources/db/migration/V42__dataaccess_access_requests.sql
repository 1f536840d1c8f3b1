-- Sensitive-data access requests (敏感数据访问申请): someone asks to see one scope's content unmasked (a service's
-- captured bodies, a channel's messages, one ticket's attachments) for a reason and at most 24 hours; members of the
-- information security committee approve, each once and never their own request. The grant runs from the last
-- approval for its duration; refusal, revocation and expiry end it, with who and why.
create table data_access_requests (
    id              bigserial    primary key,
    requester       varchar(128) not null,
    scope_kind      varchar(16)  not null,
    scope_ref       varchar(100) not null,
    reason          varchar(1000) not null,
    duration_hours  integer      not null check (duration_hours between 1 and 24),
    approvals_needed integer     not null check (approvals_needed >= 1),
    status          varchar(16)  not null,
    requested_at    timestamptz  not null,
    active_from     timestamptz,
    expires_at      timestamptz,
    ended_at        timestamptz,
    ended_by        varchar(128),
    end_reason      varchar(1000)
);
create index data_access_requests_requester on data_access_requests (requester, id desc);
create index data_access_requests_active on data_access_requests (status, expires_at);

create table data_access_approvals (
    request_id   bigint       not null references data_access_requests (id),
    member       varchar(128) not null,
    approved_at  timestamptz  not null,
    primary key (request_id, member)
);

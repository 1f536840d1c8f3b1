-- Self-registered developer accounts wait for an administrator: PENDING → APPROVED (bound to a
-- channel) / REJECTED. Null for every account created by an administrator.
alter table users add column approval varchar(16);

create table developer_registrations (
    id                bigserial primary key,
    username          varchar(64) not null unique,
    display_name      varchar(128) not null,
    email             varchar(256) not null,
    phone             varchar(32),
    organisation      varchar(256) not null,
    requested_channel varchar(32),
    note              varchar(2000),
    status            varchar(16) not null,
    channel_code      varchar(32),
    reason            varchar(2000),
    submitted_at      timestamptz not null,
    decided_by        varchar(64),
    decided_at        timestamptz
);
create index developer_registrations_status on developer_registrations (status, submitted_at);

-- A grant may carry its own daily quota (calls per hospital day for this channel and service).
alter table gateway_grants add column daily_quota bigint;
alter table access_applications add column daily_quota bigint;

-- What the developer portal shows of a service; kept apart from the gateway's document so that
-- editing docs never resets a service's runtime on the gateway nodes.
create table service_docs (
    service_code     varchar(32) primary key references gateway_services (code) on delete cascade,
    published        boolean not null,
    summary          varchar(2000),
    request_example  text,
    response_example text,
    openapi          text,
    error_codes      text,
    updated_at       timestamptz not null,
    updated_by       varchar(64) not null
);

-- In-app messages (站内消息) of one user: the bell on the console and the portal.
create table user_messages (
    id         bigserial primary key,
    username   varchar(64) not null,
    title      varchar(512) not null,
    body       varchar(4000),
    link       varchar(512),
    created_at timestamptz not null,
    read_at    timestamptz
);
create index user_messages_unread on user_messages (username, id desc);

-- Notifier targets that hear of new access applications and registrations (e.g. the reviewers' WeCom group).
create table portal_notify_targets (
    target_id bigint primary key references notify_targets (id) on delete cascade
);

-- E-mail to a person (an applicant) is a delivery without a configured target.
alter table notify_deliveries alter column target_id drop not null;
alter table notify_deliveries add column recipient varchar(256);

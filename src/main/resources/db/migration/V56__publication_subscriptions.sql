-- Data subscriptions: a channel applies for a topic with a purpose and the fields it needs; the data owner approves
-- (possibly fewer fields), suspends or ends it. Usage records say what was read or pushed, when and how much.
create table publication_subscriptions (
    id               bigserial primary key,
    channel_code     varchar(64)   not null,
    topic            varchar(16)   not null,
    purpose          varchar(2000) not null,
    requested_fields varchar(1000) not null,
    approved_fields  varchar(1000),
    webhook_url      varchar(500),
    applicant        varchar(64)   not null,
    applied_at       timestamptz   not null,
    status           varchar(16)   not null,
    decided_by       varchar(64),
    decided_at       timestamptz,
    decision_note    varchar(1000),
    changed_by       varchar(64),
    changed_at       timestamptz
);
-- One live subscription per channel and topic.
create unique index publication_subscriptions_live on publication_subscriptions (channel_code, topic)
    where status in ('REQUESTED', 'APPROVED', 'SUSPENDED');

create table publication_usage (
    id              bigserial primary key,
    subscription_id bigint      not null references publication_subscriptions (id),
    kind            varchar(8)  not null,
    since_version   bigint,
    up_to_version   bigint      not null,
    records         int         not null,
    at              timestamptz not null
);
create index publication_usage_subscription on publication_usage (subscription_id, at desc);

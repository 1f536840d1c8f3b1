create table alert_rules (
    id             bigserial primary key,
    name           varchar(128) not null,
    kind           varchar(24) not null,
    subject        varchar(128),
    threshold      double precision not null,
    window_minutes int not null,
    min_calls      int not null,
    severity       varchar(16) not null,
    enabled        boolean not null,
    silenced_until timestamptz,
    target_ids     bigint[] not null default '{}'
);

create table alerts (
    id              bigserial primary key,
    rule_id         bigint not null references alert_rules (id) on delete cascade,
    subject         varchar(128) not null,
    severity        varchar(16) not null,
    status          varchar(16) not null,
    message         varchar(1024) not null,
    value           double precision,
    raised_at       timestamptz not null,
    acknowledged_at timestamptz,
    acknowledged_by varchar(64),
    resolved_at     timestamptz,
    resolved_by     varchar(64)
);
-- One open alert per rule and subject, whatever the number of nodes evaluating.
create unique index alerts_one_open on alerts (rule_id, subject) where status <> 'RESOLVED';
create index alerts_recent on alerts (raised_at desc);

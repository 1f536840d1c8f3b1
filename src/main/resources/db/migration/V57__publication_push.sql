-- Push deliveries: one row per subscription and published version, delivered in version order per subscription
-- (the oldest undelivered blocks only its own subscription), retried with backoff; every attempt is logged.
create table publication_deliveries (
    id              bigserial primary key,
    subscription_id bigint      not null references publication_subscriptions (id),
    version         bigint      not null,
    status          varchar(16) not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      varchar(500),
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    unique (subscription_id, version)
);
create index publication_deliveries_due on publication_deliveries (status, next_attempt_at);

create table publication_delivery_attempts (
    id          bigserial primary key,
    delivery_id bigint      not null references publication_deliveries (id),
    at          timestamptz not null,
    http_status int,
    error       varchar(500),
    millis      int         not null
);
create index publication_delivery_attempts_delivery on publication_delivery_attempts (delivery_id);

-- A channel that stays down is alerted once per outage: the row lives from the alert until it answers again.
create table publication_push_outages (
    subscription_id bigint primary key references publication_subscriptions (id),
    alerted_at      timestamptz not null
);

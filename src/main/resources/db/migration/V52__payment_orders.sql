-- Orders internet channels make through the gateway, one per HIS bill payable at a time.
create table payment_orders (
    id              bigserial primary key,
    out_trade_no    varchar(32) not null unique,
    merchant        varchar(32) not null references payment_merchants (code),
    channel         varchar(16) not null,
    business_type   varchar(24) not null,
    his_bill_no     varchar(64) not null,
    amount_fen      bigint not null check (amount_fen > 0),
    refunded_fen    bigint not null default 0 check (refunded_fen >= 0 and refunded_fen <= amount_fen),
    payer_id        varchar(128) not null,
    payer_name      varchar(64),
    campus          varchar(64),
    department      varchar(64),
    description     varchar(127) not null,
    trade_type      varchar(16) not null,
    status          varchar(16) not null,
    transaction_id  varchar(64),
    prepay_id       varchar(128),
    code_url        varchar(256),
    caller          varchar(64),
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    paid_at         timestamptz,
    closed_at       timestamptz
);
create index payment_orders_bill on payment_orders (his_bill_no);
create index payment_orders_created on payment_orders (created_at desc, id desc);
create index payment_orders_open on payment_orders (expires_at) where status = 'PENDING';
-- One payable order per HIS bill: a second pending or paid one for the same bill is refused.
create unique index payment_orders_one_live_per_bill on payment_orders (business_type, his_bill_no)
    where status in ('PENDING', 'PAID');

create table payment_refunds (
    id             bigserial primary key,
    out_refund_no  varchar(64) not null unique,
    out_trade_no   varchar(32) not null references payment_orders (out_trade_no),
    amount_fen     bigint not null check (amount_fen > 0),
    reason         varchar(80),
    status         varchar(16) not null,
    refund_id      varchar(64),
    requested_by   varchar(64) not null,
    created_at     timestamptz not null,
    succeeded_at   timestamptz
);
create index payment_refunds_order on payment_refunds (out_trade_no);
create index payment_refunds_created on payment_refunds (created_at desc, id desc);

-- An order's timeline.
create table payment_order_events (
    id            bigserial primary key,
    out_trade_no  varchar(32) not null,
    at            timestamptz not null,
    kind          varchar(32) not null,
    detail        varchar(500)
);
create index payment_order_events_order on payment_order_events (out_trade_no, id);

-- Every notification a channel sent, verified or not, known order or not.
create table payment_notifications (
    id               bigserial primary key,
    received_at      timestamptz not null,
    merchant         varchar(32),
    notification_id  varchar(64),
    event_type       varchar(64),
    out_trade_no     varchar(64),
    outcome          varchar(24) not null,
    detail           varchar(500)
);
create index payment_notifications_received on payment_notifications (received_at desc);

-- Results the HIS must hear of, kept until it acknowledges; one row per result, so it is told once.
create table payment_his_outbox (
    id               bigserial primary key,
    result_key       varchar(120) not null unique,
    merchant         varchar(32) not null,
    out_trade_no     varchar(32) not null,
    kind             varchar(16) not null,
    payload          text not null,
    attempts         int not null default 0,
    next_attempt_at  timestamptz not null,
    acknowledged_at  timestamptz,
    last_error       varchar(500),
    created_at       timestamptz not null
);
create index payment_his_outbox_due on payment_his_outbox (next_attempt_at) where acknowledged_at is null;

-- Merchant numbers (商户号): one row per number the hospital takes payments under.
create table payment_merchants (
    id          bigserial primary key,
    code        varchar(32) not null unique,
    name        varchar(200) not null,
    channel     varchar(16) not null check (channel in ('WECHAT', 'ALIPAY', 'UNIONPAY', 'ECNY', 'INSURANCE')),
    mch_id      varchar(32) not null,
    mode        varchar(16) not null check (mode in ('DIRECT', 'SERVICE_PROVIDER')),
    sub_mch_id  varchar(32),
    app_id      varchar(64),
    status      varchar(16) not null check (status in ('ACTIVE', 'SUSPENDED')),
    created_by  varchar(64) not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    check ((mode = 'SERVICE_PROVIDER') = (sub_mch_id is not null))
);
-- One hospital number per channel merchant (a provider's number carries many sub-merchants).
create unique index payment_merchants_number on payment_merchants (channel, mch_id, coalesce(sub_mch_id, ''));

-- A merchant's keys and certificates, sealed with the installation's key; an upload of a kind retires the one before.
create table payment_merchant_keys (
    id           bigserial primary key,
    merchant     varchar(32) not null references payment_merchants (code),
    kind         varchar(24) not null,
    sealed       text not null,
    serial       varchar(128),
    fingerprint  varchar(16) not null,
    expires_at   timestamptz,
    uploaded_by  varchar(64) not null,
    uploaded_at  timestamptz not null,
    retired_at   timestamptz
);
create unique index payment_merchant_keys_current on payment_merchant_keys (merchant, kind) where retired_at is null;

-- Which merchant takes an order: the most specific rule wins (campus, department, business type; null = any).
create table payment_routes (
    id             bigserial primary key,
    campus         varchar(64),
    department     varchar(64),
    business_type  varchar(24),
    merchant       varchar(32) not null references payment_merchants (code),
    channel        varchar(16) not null,
    created_by     varchar(64) not null,
    created_at     timestamptz not null
);
create unique index payment_routes_rule on payment_routes (channel, coalesce(campus, ''), coalesce(department, ''),
    coalesce(business_type, ''));

-- Where the HIS wants to hear of a merchant's results, and the key the callbacks are signed with.
create table payment_his_endpoints (
    merchant     varchar(32) primary key references payment_merchants (code),
    url          varchar(500) not null,
    sealed_key   text not null,
    updated_by   varchar(64) not null,
    updated_at   timestamptz not null
);

-- Where the merchant's channel API answers: the channel's own host in production, the sandbox's port in demo and tests.
alter table payment_merchants add column api_base_url varchar(200);

-- Delivery under leases (issue #13): one node at a time consumes a destination's queue (or one lane of it),
-- so the send needs no row lock and no open transaction.

-- lane_key: the value of the destination's parallel key (e.g. PID-3.1) at intake; lane_hash: its stable hash,
-- so the lane (lane_hash mod workers) follows the document's worker count. Null: the fixed lane 0.
alter table integration_queue
    add column lane_key  varchar(200),
    add column lane_hash integer,
    add column queued_at timestamptz not null default now();

-- One row per destination and lane: who may send (node, until expires_at, database time) and the breaker
-- state the holder sees, so every node shows it.
create table integration_destination_leases (
    channel_code varchar(64)  not null,
    destination  varchar(64)  not null,
    lane         integer      not null,
    node         varchar(200) not null,
    expires_at   timestamptz  not null,
    breaker      varchar(16)  not null default 'CLOSED',
    updated_at   timestamptz  not null,
    primary key (channel_code, destination, lane)
);

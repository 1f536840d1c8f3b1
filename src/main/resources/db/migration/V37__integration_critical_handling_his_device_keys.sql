-- Critical values: an acknowledged value that is not handled in time escalates as an unacknowledged one does
-- (its own level and due time, so the acknowledgement's escalation history stays on the row); the origin of the
-- result (the message's control id, the placer and filler order numbers) so the message back to HIS names the order.
alter table integration_critical_values
    add column handle_escalation_level  int not null default 0,
    add column next_handle_escalation_at timestamptz,
    add column control_id   varchar(199),
    add column placer_order varchar(100),
    add column filler_order varchar(100);
create index integration_critical_values_unhandled on integration_critical_values (next_handle_escalation_at)
    where status = 'ACKNOWLEDGED';

-- Minutes an acknowledged value may stay unhandled; null: the 医务科 row's, else medops.integration.critical.handle-minutes.
alter table integration_critical_departments add column handle_minutes int;

-- Where the loop tells HIS that a value was acknowledged and handled: a channel (its source CHANNEL, its destinations
-- the HIS's MLLP or HTTP endpoint), so the message goes through the engine's store and durable queue. One row.
create table integration_critical_his (
    id           int primary key check (id = 1),
    channel_code varchar(64),
    message_type varchar(40)  not null,
    updated_at   timestamptz  not null,
    updated_by   varchar(128) not null
);

-- The messages to HIS, written in the step's transaction and handed to the channel by a relay (an outbox), so a
-- crash between the step and the hand-over loses nothing; the channel's key makes a second hand-over a duplicate.
create table integration_critical_outbox (
    id          bigserial primary key,
    value_id    bigint       not null references integration_critical_values (id) on delete cascade,
    stage       varchar(20)  not null,
    channel_code varchar(64) not null,
    message     text         not null,
    created_at  timestamptz  not null,
    sent_at     timestamptz,
    message_id  bigint,
    attempts    int          not null default 0,
    next_attempt_at timestamptz not null,
    error       varchar(500),
    constraint integration_critical_outbox_once unique (value_id, stage)
);
create index integration_critical_outbox_pending on integration_critical_outbox (next_attempt_at) where sent_at is null;

-- Device interfaces: each message's search-key values (sample number, barcode), written by the key indexer from
-- the store, so a search is an index lookup instead of a scan of every message's text; indexed_through is the last
-- message id the indexer has read for the channel (0: from the start, after the keys changed).
create table integration_device_keys (
    channel_code varchar(64)  not null,
    key_value    varchar(200) not null,
    message_id   bigint       not null,
    received_day date         not null,
    received_at  timestamptz  not null,
    primary key (channel_code, key_value, message_id)
);
alter table integration_device_interfaces add column indexed_through bigint not null default 0;

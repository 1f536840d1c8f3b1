-- Integration engine (集成平台): channel documents with their versions, the message store and the
-- destination queues.

-- A channel is one JSON document, kept as the text it was saved with, so GET returns exactly that.
create table integration_channels (
    code        varchar(64) primary key,
    document    text        not null,
    version     integer     not null,
    enabled     boolean     not null default true,
    updated_at  timestamptz not null,
    updated_by  varchar(64) not null
);

create table integration_channel_versions (
    code       varchar(64) not null,
    version    integer     not null,
    document   text        not null,
    saved_at   timestamptz not null,
    saved_by   varchar(64) not null,
    primary key (code, version)
);

create sequence integration_message_ids;

-- Content tables are partitioned by the UTC day a message was received: retention drops whole
-- partitions (no DELETE, no bloat); IntegrationPartitions creates them ahead on start and daily.
create table integration_messages (
    id            bigint      not null,
    received_day  date        not null,
    received_at   timestamptz not null,
    channel_code  varchar(64) not null,
    control_id    varchar(199),
    message_type  varchar(32),
    status        varchar(16) not null,
    duplicate_of  bigint,
    raw           text        not null,
    transformed   text,
    error         text,
    primary key (id, received_day)
) partition by range (received_day);

create index integration_messages_channel on integration_messages (channel_code, received_at desc);
create index integration_messages_control on integration_messages (channel_code, control_id);

create table integration_deliveries (
    message_id    bigint      not null,
    received_day  date        not null,
    destination   varchar(64) not null,
    status        varchar(16) not null,
    sent          text,
    response      text,
    attempts      integer     not null default 0,
    error         text,
    updated_at    timestamptz not null,
    primary key (message_id, received_day, destination)
) partition by range (received_day);

-- The queue: one row per message and destination still to deliver, removed once it is sent or
-- parked. Small and unpartitioned on purpose; a worker claims its head with FOR UPDATE SKIP LOCKED.
create table integration_queue (
    seq             bigserial   primary key,
    channel_code    varchar(64) not null,
    destination     varchar(64) not null,
    message_id      bigint      not null,
    received_day    date        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null
);

create index integration_queue_head on integration_queue (channel_code, destination, seq);

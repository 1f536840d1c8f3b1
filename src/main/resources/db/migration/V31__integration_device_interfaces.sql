-- Device interfaces (设备接口): channels marked as the interface of an analyser or modality, with the device, the
-- paths its messages are searched by, the paths that hold patient identifiers, and the responsibility list
-- (故障责任清单: which party answers for which kind of failure). Kept beside the channel, not in its document.
create table integration_device_interfaces (
    channel_code     varchar(64)  primary key,
    device_name      varchar(200) not null,
    maker            varchar(200),
    model            varchar(200),
    system_code      varchar(32)  not null,
    search_keys      jsonb        not null default '[]',
    patient_paths    jsonb        not null default '[]',
    responsibilities jsonb        not null default '[]',
    updated_at       timestamptz  not null,
    updated_by       varchar(128) not null
);

-- Integration engine scripts: code libraries shared by channels (JavaScript source, versioned like channel
-- documents), and what each destination's own filter and transformer made of a message.

create table integration_libraries (
    code        varchar(64) primary key,
    source      text        not null,
    version     integer     not null,
    updated_at  timestamptz not null,
    updated_by  varchar(64) not null
);

create table integration_library_versions (
    code      varchar(64) not null,
    version   integer     not null,
    source    text        not null,
    saved_at  timestamptz not null,
    saved_by  varchar(64) not null,
    primary key (code, version)
);

-- Null: the destination is sent the message's own transformed content (or the raw message).
alter table integration_deliveries add column transformed text;

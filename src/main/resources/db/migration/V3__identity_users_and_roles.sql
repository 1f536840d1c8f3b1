create table roles (
    code        varchar(64) primary key,
    name        varchar(128) not null,
    description varchar(512),
    built_in    boolean not null default false
);

create table role_permissions (
    role_code  varchar(64) not null references roles (code) on delete cascade,
    permission varchar(128) not null,
    primary key (role_code, permission)
);

-- Usernames are stored lower-case: "Admin" and "admin" are one account.
create table users (
    id                   bigserial primary key,
    username             varchar(64) not null unique,
    display_name         varchar(128) not null,
    email                varchar(256),
    password_hash        varchar(200) not null,
    enabled              boolean not null,
    must_change_password boolean not null,
    failed_attempts      int not null,
    locked_until         timestamptz,
    password_changed_at  timestamptz not null,
    last_login_at        timestamptz,
    created_at           timestamptz not null
);

create table user_roles (
    user_id   bigint not null references users (id) on delete cascade,
    role_code varchar(64) not null references roles (code),
    primary key (user_id, role_code)
);

create table password_history (
    id            bigserial primary key,
    user_id       bigint not null references users (id) on delete cascade,
    password_hash varchar(200) not null,
    created_at    timestamptz not null
);
create index password_history_user on password_history (user_id, id desc);

-- Bearer tokens are stored only as SHA-256 hashes: a database dump reveals no usable token.
create table api_tokens (
    token_hash char(64) primary key,
    user_id    bigint not null references users (id) on delete cascade,
    issued_at  timestamptz not null,
    expires_at timestamptz not null
);
create index api_tokens_expiry on api_tokens (expires_at);

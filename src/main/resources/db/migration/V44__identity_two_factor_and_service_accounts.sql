-- Two-factor sign-in (TOTP): the shared secret sealed, the last time step used (a code works once),
-- single-use recovery codes stored as hashes.
create table user_totp (
    user_id      bigint primary key references users (id) on delete cascade,
    secret       text not null,
    confirmed_at timestamptz,
    last_step    bigint not null default 0,
    created_at   timestamptz not null
);

create table user_recovery_codes (
    id        bigserial primary key,
    user_id   bigint not null references users (id) on delete cascade,
    code_hash char(64) not null,
    used_at   timestamptz
);
create index user_recovery_codes_user on user_recovery_codes (user_id);

-- A token issued to an account that must enrol first only opens the enrolment.
alter table api_tokens add column enrol_only boolean not null default false;

-- Service accounts sign in with API keys only; remote vendor accounts act only inside approved windows.
alter table users add column service_account boolean not null default false;
alter table users add column remote_vendor boolean not null default false;

create table api_keys (
    id         bigserial primary key,
    user_id    bigint not null references users (id) on delete cascade,
    name       varchar(128) not null,
    key_hash   char(64) not null unique,
    scopes     text[] not null,
    issued_by  varchar(64) not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    revoked_by varchar(64)
);
create index api_keys_user on api_keys (user_id);

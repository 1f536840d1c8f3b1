-- The audit trail: append-only, each record chained to the previous one by hash.
create table audit_records (
    seq         bigint primary key,
    occurred_at timestamptz not null,
    actor       varchar(64) not null,
    client_ip   varchar(64),
    action      varchar(64) not null,
    target_type varchar(64),
    target_id   varchar(256),
    outcome     varchar(16) not null,
    details     text,
    prev_hash   char(64) not null,
    hash        char(64) not null
);
create index audit_records_time on audit_records (occurred_at);
create index audit_records_actor on audit_records (actor, seq);
create index audit_records_action on audit_records (action, seq);
create index audit_records_target on audit_records (target_id, seq);

-- The last record's seq and hash: lets verification notice a truncated tail.
create table audit_chain_head (
    id   int primary key check (id = 1),
    seq  bigint not null,
    hash char(64) not null
);

-- The application never edits or deletes a record; neither may anyone else by accident.
create function audit_records_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit records are append-only (% refused)', tg_op;
end $$;

create trigger audit_records_no_update_or_delete
    before update or delete or truncate on audit_records
    for each statement execute function audit_records_append_only();

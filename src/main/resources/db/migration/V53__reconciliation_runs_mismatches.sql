-- Daily reconciliation per merchant: one row per run (a day may be run again with a corrected bill), the mismatches
-- it found with the amounts each side holds, the lines left pending for the next day's bill, and the closed days.
create table recon_runs (
    id               bigserial primary key,
    merchant_code    text        not null,
    business_date    date        not null,
    channel          text        not null,
    bill_source      text        not null,
    bill_name        text,
    bill_sha256      text        not null,
    his_source       text        not null,
    his_sha256       text,
    status           text        not null,
    channel_lines    bigint      not null default 0,
    channel_pay_fen  bigint      not null default 0,
    channel_refund_fen bigint    not null default 0,
    channel_fee_fen  bigint      not null default 0,
    his_lines        bigint      not null default 0,
    his_pay_fen      bigint      not null default 0,
    his_refund_fen   bigint      not null default 0,
    platform_lines   bigint      not null default 0,
    matched          bigint      not null default 0,
    pending          bigint      not null default 0,
    mismatch_count   bigint      not null default 0,
    started_by       text        not null,
    started_at       timestamptz not null,
    finished_at      timestamptz
);
create index recon_runs_day on recon_runs (merchant_code, business_date, id desc);
create index recon_runs_date on recon_runs (business_date desc, id desc);

create table recon_mismatches (
    id                  bigserial primary key,
    run_id              bigint      not null references recon_runs (id),
    category            text        not null,
    kind                text        not null,
    out_trade_no        text,
    out_refund_no       text,
    his_amount_fen      bigint,
    channel_amount_fen  bigint,
    platform_amount_fen bigint,
    detail_code         text        not null,
    detail_args         text[]      not null default '{}',
    resolution          text,
    resolution_note     text,
    resolved_by         text,
    resolved_at         timestamptz
);
create index recon_mismatches_run on recon_mismatches (run_id, id);

-- A line in the last minutes of its day whose other side is expected in the next day's bill or records.
create table recon_pending (
    id              bigserial primary key,
    merchant_code   text        not null,
    business_date   date        not null,
    side            text        not null,
    kind            text        not null,
    out_trade_no    text        not null,
    out_refund_no   text,
    reference       text,
    amount_fen      bigint      not null,
    at              timestamptz not null,
    found_run_id    bigint      not null references recon_runs (id),
    settled_run_id  bigint references recon_runs (id),
    settled_as      text
);
create index recon_pending_open on recon_pending (merchant_code, business_date) where settled_run_id is null;

create table recon_days (
    merchant_code  text        not null,
    business_date  date        not null,
    run_id         bigint      not null references recon_runs (id),
    closed_by      text        not null,
    closed_at      timestamptz not null,
    primary key (merchant_code, business_date)
);

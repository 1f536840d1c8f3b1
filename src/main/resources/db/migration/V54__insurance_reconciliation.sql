-- Insurance clearing reconciliation (医保对账): the hospital's settlement records, each total check (3201) per
-- insurance type, clearing type and clearing agency, and the lines a detail check (3202) found to differ.
create table ins_settlements (
    region           text        not null,
    setl_id          text        not null,
    mdtrt_id         text        not null,
    psn_no           text        not null,
    insutype         text        not null,
    clr_type         text        not null,
    setl_optins      text        not null,
    setl_time        timestamptz not null,
    medfee_sumamt    numeric(16, 2) not null,
    fund_pay_sumamt  numeric(16, 2) not null,
    acct_pay         numeric(16, 2) not null,
    refd_setl_flag   text        not null default '0',
    primary key (region, setl_id)
);
create index ins_settlements_group on ins_settlements (region, insutype, clr_type, setl_optins, setl_time);

create table ins_checks (
    id               bigserial primary key,
    region           text        not null,
    insutype         text        not null,
    clr_type         text        not null,
    setl_optins      text        not null,
    begin_date       date        not null,
    end_date         date        not null,
    settlements      bigint      not null,
    medfee_sumamt    numeric(16, 2) not null,
    fund_pay_sumamt  numeric(16, 2) not null,
    acct_pay         numeric(16, 2) not null,
    status           text        not null,
    centre_result    text,
    centre_message   text,
    total_msgid      text,
    detail_msgid     text,
    upload_file_no   text,
    result_file_no   text,
    checked_by       text        not null,
    checked_at       timestamptz not null,
    detailed_at      timestamptz
);
create index ins_checks_recent on ins_checks (checked_at desc, id desc);

create table ins_check_lines (
    id                     bigserial primary key,
    check_id               bigint not null references ins_checks (id),
    outcome                text   not null,
    setl_id                text   not null,
    mdtrt_id               text,
    psn_no                 text,
    hospital_medfee        numeric(16, 2),
    hospital_fund_pay      numeric(16, 2),
    hospital_acct_pay      numeric(16, 2),
    centre_medfee          numeric(16, 2),
    centre_fund_pay        numeric(16, 2),
    centre_acct_pay        numeric(16, 2),
    differing              text[] not null default '{}'
);
create index ins_check_lines_check on ins_check_lines (check_id, id);

-- The insurance centre sandbox's own books (demo and tests only): what the centre holds for the hospital.
create table ins_sandbox_centre (
    fixmedins_code   text        not null,
    region           text        not null,
    setl_id          text        not null,
    mdtrt_id         text        not null,
    psn_no           text        not null,
    insutype         text        not null,
    clr_type         text        not null,
    setl_optins      text        not null,
    setl_time        timestamptz not null,
    medfee_sumamt    numeric(16, 2) not null,
    fund_pay_sumamt  numeric(16, 2) not null,
    acct_pay         numeric(16, 2) not null,
    refd_setl_flag   text        not null default '0',
    primary key (fixmedins_code, region, setl_id)
);

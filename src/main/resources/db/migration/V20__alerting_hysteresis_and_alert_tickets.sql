-- Rules: how long a condition must hold before it fires, and when a firing alert counts as recovered.
alter table alert_rules
    add column for_seconds        int not null default 0,
    add column recovery_seconds   int not null default 0,
    add column recovery_threshold double precision,
    add column deleted_at         timestamptz;

-- The LIS P95 demo rule fired and resolved eight times in 40 minutes: give the demo rules a for-duration and a
-- recovery band so a latency hovering around the line no longer flaps.
update alert_rules set for_seconds = 120, recovery_seconds = 300, recovery_threshold = threshold * 0.8
where name = 'LIS 报告查询 P95 > 500 ms' and for_seconds = 0;
update alert_rules set for_seconds = 60, recovery_seconds = 300, recovery_threshold = threshold / 2
where name = '医保结算失败率 > 2%' and for_seconds = 0;

-- Where each rule and subject stands between evaluations, kept so a restart neither re-fires nor forgets a
-- pending condition: breaching since (before the alert opens), clear since (before an open alert resolves).
create table alert_conditions (
    rule_id         bigint not null references alert_rules (id) on delete cascade,
    subject         varchar(128) not null,
    breaching_since timestamptz,
    clear_since     timestamptz,
    primary key (rule_id, subject)
);

-- The alert's message arguments, so the page shows the message in the reader's language.
alter table alerts add column message_args text[];

-- Ops desk: every alert that opened or joined a ticket. One open ticket per rule and subject: a re-fired alert
-- while that ticket is open is linked here instead of opening another.
create table ticket_alerts (
    alert_id  bigint primary key,
    ticket_id bigint not null references tickets (id),
    rule_id   bigint not null,
    subject   varchar(128) not null,
    linked_at timestamptz not null
);
create index ticket_alerts_rule_subject on ticket_alerts (rule_id, subject);
create index ticket_alerts_ticket on ticket_alerts (ticket_id);
insert into ticket_alerts (alert_id, ticket_id, rule_id, subject, linked_at)
select t.alert_id, t.id, a.rule_id, a.subject, t.reported_at from tickets t join alerts a on a.id = t.alert_id;

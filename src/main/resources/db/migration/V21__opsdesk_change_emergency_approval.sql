-- The hospital's approval of an emergency change: the engineer asks (the reason is emergency_reason from V19),
-- a hospital reviewer approves or rejects with a reason; only an approved emergency starts outside the period.
alter table opsdesk_changes add column emergency_requested_by varchar(64);
alter table opsdesk_changes add column emergency_requested_at timestamptz;
alter table opsdesk_changes add column emergency_decision varchar(16);
alter table opsdesk_changes add column emergency_decided_by varchar(64);
alter table opsdesk_changes add column emergency_decider_name varchar(64);
alter table opsdesk_changes add column emergency_decided_at timestamptz;
alter table opsdesk_changes add column emergency_decision_reason text;

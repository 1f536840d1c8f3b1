-- Service reports bound to a contract name their period C2026 (the contract year) or C2026:2026-Q3 (a quarter of
-- it): the suggestions' period key grows to hold them.
alter table reporting_report_suggestions alter column period type varchar(16);

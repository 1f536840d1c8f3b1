-- The optimisation advice (优化建议) of each quarterly service report ("2026-Q3") and annual summary ("2026"):
-- the only part of a report that is written rather than computed from the recorded facts.
create table reporting_report_suggestions (
    period     varchar(7)   primary key,
    text       text         not null,
    version    integer      not null,
    updated_by varchar(128) not null,
    updated_at timestamptz  not null
);

-- The checklist lines other features contribute (emergency plans' reviews, drills) as they stood when the report was
-- signed; null for unsigned reports (shown live) and for reports signed before the checklist existed.
alter table inspection_reports add column checklist jsonb;

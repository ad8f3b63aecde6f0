-- Coverage (全覆盖) queries: "is this planned organization covered by an inspection that reached FEEDBACK
-- with feedback inside the term's years" runs once per plan entry. These indexes let it be answered from
-- indexes alone: the targets of an organization with their inspections, then the inspection's stage and
-- feedback date without reading the inspection row.
CREATE INDEX coverage_target_org_idx ON inspection_target (organization_id, inspection_id);
CREATE INDEX coverage_inspection_feedback_idx ON inspection (id, stage, feedback_on);
-- A term's plan, live entries first, by planned year (plan pages and per-year coverage).
CREATE INDEX coverage_plan_entry_term_idx ON term_plan_entry (term_id, removed, planned_year, organization_id);

-- 报送: the office submits the drafted plan to the leading group (LEADER), who approves only a submitted plan;
-- a change to a submitted draft withdraws the submission (the leader approves what was submitted).
ALTER TABLE term ADD COLUMN submitted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE term ADD COLUMN submitted_by VARCHAR(64);

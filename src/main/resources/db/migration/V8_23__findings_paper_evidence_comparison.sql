-- A working paper's evidence item may cite one of its inspection's data comparisons (issue 12 §5, "a result can
-- be attached to a working paper as evidence"): the item names the comparison; its rows stay in the comparison,
-- team-only, and the item's description carries the counts as they were when cited.
ALTER TABLE working_paper_evidence ADD COLUMN comparison_id BIGINT REFERENCES findings_comparison (id);
CREATE INDEX working_paper_evidence_comparison_idx ON working_paper_evidence (comparison_id);

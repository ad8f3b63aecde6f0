-- Inspections (issue 3, rounds and inspections): 巡审联动 names the audit it runs with, apart from 联动's
-- linked_with, since an inspection may carry both forms at once.
ALTER TABLE inspection ADD COLUMN audit_linked_with VARCHAR(200);
CREATE INDEX inspection_look_back_idx ON inspection (look_back_of);

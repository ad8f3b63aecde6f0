-- Why an inspector was taken out of the pool (停用), shown on the detail page; cleared on reactivation.
ALTER TABLE inspector ADD COLUMN inactive_reason VARCHAR(200);
-- Draws the next talent-pool code (P0001, P0002 …) without a read-then-write race between instances.
CREATE SEQUENCE inspector_code_seq START WITH 1;
CREATE INDEX inspector_workplace_idx ON inspector (workplace_code);
CREATE INDEX inspector_relative_org_idx ON inspector_relative (organization_id);
CREATE INDEX inspector_assignment_org_idx ON inspector_assignment (organization_id);

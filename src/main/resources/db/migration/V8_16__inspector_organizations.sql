-- Avoidance at the organization (issue 11): an inspector's employing organization (工作单位 in the organization
-- tree, beside the free-text employer) and the organization of a posting (任职单位, beside its division). Both
-- optional: inspectors recorded before keep their places and are checked by place and relatives as before.
ALTER TABLE inspector ADD COLUMN employer_organization_id BIGINT REFERENCES party_organization (id);
ALTER TABLE inspector_posting ADD COLUMN organization_id BIGINT REFERENCES party_organization (id);
CREATE INDEX inspector_employer_org_idx ON inspector (employer_organization_id);
CREATE INDEX inspector_posting_org_idx ON inspector_posting (organization_id);

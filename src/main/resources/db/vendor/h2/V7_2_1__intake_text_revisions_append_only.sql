-- The kept versions of replies and outcomes are append-only: the database itself rejects UPDATE and DELETE
-- (as for audit_record, H2 has no TRUNCATE trigger).
CREATE TRIGGER petition_text_revision_no_update BEFORE UPDATE ON petition_text_revision FOR EACH ROW CALL 'org.xuncha.intake.internal.RevisionAppendOnlyTrigger';
CREATE TRIGGER petition_text_revision_no_delete BEFORE DELETE ON petition_text_revision FOR EACH ROW CALL 'org.xuncha.intake.internal.RevisionAppendOnlyTrigger';

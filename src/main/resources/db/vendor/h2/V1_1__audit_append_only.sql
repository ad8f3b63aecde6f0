-- The audit trail is append-only: the database itself rejects UPDATE and DELETE (H2 has no TRUNCATE trigger;
-- TRUNCATE is refused on a table that a trigger guards only in PostgreSQL, so the embedded edition relies on
-- the chain verifier to name a wiped trail).
CREATE TRIGGER audit_record_no_update BEFORE UPDATE ON audit_record FOR EACH ROW CALL 'org.xuncha.audit.internal.AppendOnlyTrigger';
CREATE TRIGGER audit_record_no_delete BEFORE DELETE ON audit_record FOR EACH ROW CALL 'org.xuncha.audit.internal.AppendOnlyTrigger';

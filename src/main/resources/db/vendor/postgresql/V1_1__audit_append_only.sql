-- The audit trail is append-only: the database itself rejects UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION audit_record_reject() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_record is append-only (%), 审计记录不可修改或删除', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_record_no_update BEFORE UPDATE OR DELETE ON audit_record
  FOR EACH ROW EXECUTE FUNCTION audit_record_reject();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
  FOR EACH STATEMENT EXECUTE FUNCTION audit_record_reject();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_record FROM PUBLIC;

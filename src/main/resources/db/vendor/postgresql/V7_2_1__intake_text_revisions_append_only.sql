-- The kept versions of replies and outcomes are append-only: the database itself rejects UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION petition_text_revision_reject() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'petition_text_revision is append-only (%), 答复和办理结果的修改记录不可修改或删除', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER petition_text_revision_no_update BEFORE UPDATE OR DELETE ON petition_text_revision
  FOR EACH ROW EXECUTE FUNCTION petition_text_revision_reject();
CREATE TRIGGER petition_text_revision_no_truncate BEFORE TRUNCATE ON petition_text_revision
  FOR EACH STATEMENT EXECUTE FUNCTION petition_text_revision_reject();

REVOKE UPDATE, DELETE, TRUNCATE ON petition_text_revision FROM PUBLIC;

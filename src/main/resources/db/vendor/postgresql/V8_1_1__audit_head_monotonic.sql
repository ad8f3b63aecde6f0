-- audit_chain_head refuses to move backwards: a lower last_seq, another last_hash at the same last_seq, and
-- DELETE or TRUNCATE of the head row are rejected (V8_1).
CREATE FUNCTION audit_chain_head_forward_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.last_seq > OLD.last_seq OR (NEW.last_seq = OLD.last_seq AND NEW.last_hash = OLD.last_hash) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_chain_head moves forward only (% -> %), 审计链头不可回退', OLD.last_seq, NEW.last_seq;
  END IF;
  RAISE EXCEPTION 'audit_chain_head cannot be removed (%), 审计链头不可删除', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_forward_only();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_forward_only();

REVOKE DELETE, TRUNCATE ON audit_chain_head FROM PUBLIC;

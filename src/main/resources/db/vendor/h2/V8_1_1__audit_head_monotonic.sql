-- audit_chain_head refuses to move backwards: a lower last_seq, another last_hash at the same last_seq, and
-- DELETE of the head row are rejected (V8_1; as for audit_record, H2 has no TRUNCATE trigger).
CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE ON audit_chain_head FOR EACH ROW CALL 'org.xuncha.audit.internal.HeadForwardOnlyTrigger';
CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head FOR EACH ROW CALL 'org.xuncha.audit.internal.HeadForwardOnlyTrigger';

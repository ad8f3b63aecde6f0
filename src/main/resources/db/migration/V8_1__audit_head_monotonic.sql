-- The audit chain head only ever moves forward (issue 11 §3): a head moved back to match a trail whose newest
-- records were deleted would make the shortened chain look whole. What is portable is here; the triggers that
-- refuse an UPDATE lowering last_seq (or changing last_hash at the same seq) and any DELETE of the head are in
-- db/vendor/{h2,postgresql}/V8_1_1. The table owner can still switch triggers off: the signed checkpoints kept
-- outside the database (AuditCheckpoints) are what names such a cut.
ALTER TABLE audit_chain_head ADD CONSTRAINT audit_chain_head_seq_ck CHECK (last_seq >= 0);

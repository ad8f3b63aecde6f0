-- Which inspection body an audit record belongs to: the acting account's body when the record was written
-- (null for the system, the public side, unknown accounts and the 三员 of the platform). Auditors read the
-- records of their own body and of the bodies below it (issue 11 §3). No foreign key: the trail must never
-- block or be blocked by a change elsewhere. Records that carry a body have it inside their chain MAC.
ALTER TABLE audit_record ADD COLUMN body_id BIGINT;
CREATE INDEX audit_record_body_idx ON audit_record (body_id, seq);

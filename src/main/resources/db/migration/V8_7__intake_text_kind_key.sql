-- petition_text_revision.kind (PetitionTextKind) is guarded by a key table instead of a CHECK constraint. H2 binds a
-- CHECK that compares text to the session that created it: once the pool retired the connection that ran the
-- migrations (Hikari's max lifetime, 30 minutes into the first start of the embedded edition), every reply and
-- outcome failed with "Check constraint invalid" until the next restart. A foreign key is checked through the
-- referenced table's index and holds on both databases.
CREATE TABLE petition_text_kind (
  kind VARCHAR(16) PRIMARY KEY
);
INSERT INTO petition_text_kind (kind) VALUES ('REPLY'), ('OUTCOME');

ALTER TABLE petition_text_revision DROP CONSTRAINT petition_text_revision_kind_ck;
ALTER TABLE petition_text_revision
  ADD CONSTRAINT petition_text_revision_kind_fk FOREIGN KEY (kind) REFERENCES petition_text_kind (kind);

-- intake's own record of the inspections it takes petitions for (issue 10, "real boundaries, real events"): one row
-- per inspection that was stationed, written by intake's listener of inspection's stage events
-- (intake.StationedInspections) with "insert if absent" and a stage that only moves forward, so an event delivered
-- twice or out of order changes nothing. Petitions are scoped in SQL by body_id and inspection_id of this table,
-- never by inspection's tables. No foreign key to inspection: the row is a copy the owner's events maintain.
-- stage holds the names of org.xuncha.inspection.InspectionStage (STATIONED and later).
CREATE TABLE intake_inspection (
  inspection_id BIGINT NOT NULL PRIMARY KEY,
  body_id       BIGINT NOT NULL,
  round_id      BIGINT NOT NULL,
  team_name     VARCHAR(100) NOT NULL,
  form_cross    BOOLEAN NOT NULL,
  stage         VARCHAR(16) NOT NULL,
  stationed_on  DATE,
  withdrawn_on  DATE
);
CREATE INDEX intake_inspection_body_idx ON intake_inspection (body_id);
CREATE INDEX intake_inspection_round_idx ON intake_inspection (round_id);

-- Backfill for databases that existed before the events: the one place where intake's SQL reads the inspection
-- module's table, once, while migrating (afterwards only the listener writes here). Every inspection past
-- PREPARING, and any inspection that already has a petition.
INSERT INTO intake_inspection (inspection_id, body_id, round_id, team_name, form_cross, stage, stationed_on,
                               withdrawn_on)
SELECT i.id, i.body_id, i.round_id, i.team_name, i.form_cross, i.stage, i.stationed_on, i.withdrawn_on
FROM inspection i
WHERE i.stage <> 'PREPARING' OR EXISTS (SELECT 1 FROM petition p WHERE p.inspection_id = i.id);

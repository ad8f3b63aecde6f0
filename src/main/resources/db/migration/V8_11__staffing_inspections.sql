-- staffing's own record of inspections and their leaders (issue 10, "real boundaries, real events"), for its 待办
-- (inspections in preparation without a leader): written by staffing's listener of inspection's events
-- (staffing.InspectionsInPreparation) with "insert if absent", a stage that only moves forward and seats that
-- only ever leave, so an event delivered twice or out of order changes nothing. No foreign keys to inspection's
-- tables: these rows are copies the owner's events maintain. stage holds org.xuncha.inspection.InspectionStage names.
CREATE TABLE staffing_inspection (
  inspection_id BIGINT NOT NULL PRIMARY KEY,
  body_id       BIGINT NOT NULL,
  round_id      BIGINT NOT NULL,
  stage         VARCHAR(16) NOT NULL
);
CREATE INDEX staffing_inspection_body_idx ON staffing_inspection (body_id, stage);

-- One row per team seat (a team_member row of inspection), by its id; left_team once the member was taken off.
CREATE TABLE staffing_team_seat (
  member_id     BIGINT NOT NULL PRIMARY KEY,
  inspection_id BIGINT NOT NULL,
  team_role     VARCHAR(16) NOT NULL,
  left_team     BOOLEAN NOT NULL
);
CREATE INDEX staffing_team_seat_inspection_idx ON staffing_team_seat (inspection_id, team_role);

-- Backfill for databases that existed before the events: the one place where staffing's SQL reads the inspection
-- module's tables, once, while migrating (afterwards only the listener writes here).
INSERT INTO staffing_inspection (inspection_id, body_id, round_id, stage)
SELECT i.id, i.body_id, i.round_id, i.stage FROM inspection i;

INSERT INTO staffing_team_seat (member_id, inspection_id, team_role, left_team)
SELECT m.id, m.inspection_id, m.team_role, CASE WHEN m.left_at IS NULL THEN FALSE ELSE TRUE END FROM team_member m;

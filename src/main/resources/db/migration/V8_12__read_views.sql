-- Read views (issue 10, "real boundaries, real events"): the columns of its tables a module lets other modules read
-- in their SQL, where a join inside a scoped, paged query must stay in SQL (data scope is filtered in the query).
-- Each view belongs to the module that owns its table and is documented in that module's package-info.java and
-- in docs/architecture.md; other modules only SELECT from it (TableOwnershipTests). Anything not listed here is
-- private to its module. A column removed from a view is a breaking change of the owner's API: add, never narrow,
-- in a new migration (CREATE OR REPLACE VIEW).

-- organization: what any module may show or filter of a party organization (never its leading cadre).
CREATE VIEW party_organization_view AS
SELECT id, code, name, kind, sector, region_code, parent_id, body_id, active
FROM party_organization;

-- organization: the names and the hierarchy of inspection bodies.
CREATE VIEW inspection_body_view AS
SELECT id, name, office_name, region_code, level, parent_id
FROM inspection_body;

-- planning: a term's body, name and years (rounds are planned inside a term).
CREATE VIEW term_view AS
SELECT id, body_id, name, first_year, last_year
FROM term;

-- inspection: an inspection as the scope of other modules' case data sees it: its body and round, team name, stage
-- (org.xuncha.inspection.InspectionStage names), the cross form and the dates of its stages.
CREATE VIEW inspection_scope_view AS
SELECT id, body_id, round_id, team_name, stage, form_cross, stationed_on, withdrawn_on, feedback_on, closed_on
FROM inspection;

-- inspection: the targets of an inspection; extended_from names the main target of an extension unit (延伸).
CREATE VIEW inspection_target_view AS
SELECT inspection_id, organization_id, extended_from
FROM inspection_target;

-- inspection: a round's body, term, ordinal, name and planned dates.
CREATE VIEW inspection_round_view AS
SELECT id, body_id, term_id, ordinal, name, planned_station_on, planned_withdraw_on, planned_feedback_on
FROM inspection_round;

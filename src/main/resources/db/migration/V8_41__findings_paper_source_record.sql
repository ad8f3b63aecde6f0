-- A working paper's 问题来源 linked to the record it came from (issue 12 §2). Module findings
-- (org.xuncha.findings.paper). source_record_id is interpreted by source (no foreign key: the records live in other
-- tables and, for petitions, in another module): TALK / VISIT / RECORDS → work_log.id of that kind, DATA_COMPARISON
-- → the comparison's id, PETITION → intake's petition id (read through intake.PetitionReferences); NULL for the
-- kinds kept as free text (PRE_BRIEFING, OTHER) and for papers written before the link. source_record_label is the
-- record's label as it was when the paper was saved (date and category of a talk, never its sealed fields), so the
-- paper, its versions and the 底稿审批单 name the record without reading it again. Versions snapshot both.
ALTER TABLE working_paper ADD COLUMN source_record_id BIGINT;
ALTER TABLE working_paper ADD COLUMN source_record_label VARCHAR(200);
ALTER TABLE working_paper_version ADD COLUMN source_record_id BIGINT;
ALTER TABLE working_paper_version ADD COLUMN source_record_label VARCHAR(200);

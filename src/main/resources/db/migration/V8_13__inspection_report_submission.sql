-- 报送巡察报告 (issue 10, ReportSubmitted): inside REPORTING the team sends its 巡察报告 to the leading group once;
-- the row is the record of that act (date, note, who, when). One row per inspection: the primary key refuses a
-- second submission even when two requests race past the service's check.
CREATE TABLE inspection_report_submission (
  inspection_id BIGINT NOT NULL PRIMARY KEY REFERENCES inspection (id),
  submitted_on  DATE NOT NULL,
  note          VARCHAR(500),
  actor         VARCHAR(64) NOT NULL,
  actor_id      BIGINT,
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

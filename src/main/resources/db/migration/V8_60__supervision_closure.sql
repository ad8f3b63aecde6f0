-- 报结 (issue 15 §6). Module supervision (org.xuncha.supervision.closure). Each office's conditions for closing an
-- inspection of its body: one row per body, none meaning the defaults (ledger and reports required; the evaluation
-- not, until evaluation is wired in). The conditions are enforced by inspection's stage machine through the
-- ClosureGuard SPI, never by a page.
CREATE TABLE supervision_closure_setting (
  body_id             BIGINT NOT NULL PRIMARY KEY,
  require_ledger      BOOLEAN NOT NULL,
  require_reports     BOOLEAN NOT NULL,
  require_evaluation  BOOLEAN NOT NULL,
  row_version         INT NOT NULL,
  updated_by          BIGINT NOT NULL,
  updated_by_name     VARCHAR(64) NOT NULL,
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

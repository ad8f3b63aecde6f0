-- rectification.warning: the overdue warnings 绿 / 黄 / 红 of the ledger's items (issue 14 §6).
--
-- Each office's thresholds for its body, in working days left to an item's 完成时限 (defaults 20 and 10 from
-- xuncha.rectification.warning-green-days / -yellow-days while a body has no row).
CREATE TABLE rectification_warning_term (
  body_id              BIGINT NOT NULL PRIMARY KEY,
  green_working_days   INT NOT NULL,
  yellow_working_days  INT NOT NULL,
  row_version          INT NOT NULL,
  updated_by           BIGINT NOT NULL,
  updated_by_name      VARCHAR(64) NOT NULL,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT rectification_warning_term_ck CHECK (yellow_working_days >= 1
      AND green_working_days > yellow_working_days AND green_working_days <= 60)
);

-- The first day of each level of an open item, counted back from due_on in the body's working days
-- (rectification.warning.WarningDates); red starts the day after due_on. NULL on a signed-off or unfixable item:
-- it carries no warning, and the indexes below then hold only the open items whose warning has started or will.
ALTER TABLE rectification_item ADD COLUMN warn_green_on DATE;
ALTER TABLE rectification_item ADD COLUMN warn_yellow_on DATE;
CREATE INDEX rectification_item_warn_green_idx ON rectification_item (body_id, warn_green_on, due_on);
CREATE INDEX rectification_item_warn_yellow_idx ON rectification_item (body_id, warn_yellow_on, due_on);

-- Open items (not 已销号, not 不能整改) in deadline order, and items of one state in deadline order (issue 14 §7, the
-- ledger's bands, warnings and state filter at province scale; module rectification, ledger.LedgerRepository).
-- Most items of a mature ledger are signed off: reading the deadline-ordered index for the open ones, or for a rare
-- state, passes over millions of rows before the first page is full. is_open is the item's state as a column the
-- index can lead with; the CHECK keeps it the state's (rectification.ItemStatus.open), so a writer that forgets it
-- fails instead of filing the item in the wrong band.
ALTER TABLE rectification_item ADD COLUMN is_open BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE rectification_item SET is_open = FALSE WHERE status = 'SIGNED_OFF' OR status = 'CANNOT_RECTIFY';
ALTER TABLE rectification_item ADD CONSTRAINT rectification_item_open_ck CHECK (CASE
    WHEN status = 'SIGNED_OFF' OR status = 'CANNOT_RECTIFY' THEN is_open = FALSE ELSE is_open = TRUE END);
CREATE INDEX rectification_item_open_due_idx ON rectification_item (is_open, due_on, plan_id, position, id);
CREATE INDEX rectification_item_status_due_idx ON rectification_item (status, due_on, plan_id, position, id);

-- One body's ledger in deadline order, all of it or its open items (a county office's page, its bands and its red
-- warnings; module rectification, ledger.LedgerRepository). The deadline-ordered indexes of V8_50 and V8_51 lead
-- with the deadline or the state: for one body of a hundred they pass over the others' rows to fill a page or a count.
CREATE INDEX rectification_item_body_due_idx ON rectification_item (body_id, due_on, plan_id, position, id);
CREATE INDEX rectification_item_body_open_idx ON rectification_item (body_id, is_open, due_on, plan_id, position, id);

-- The ledger lists items by deadline (ORDER BY due_on, plan_id, position, id, issue 14 §7). Without an index in that
-- order a province office's page sorts millions of rows for its first 50; with it the database reads the first
-- rows of the index and checks the scope and the filter on each (module rectification, ledger.LedgerRepository).
CREATE INDEX rectification_item_due_order_idx ON rectification_item (due_on, plan_id, position, id);

-- The approved plans of one organization (module rectification): the ledger narrows its filter's choices to the
-- organization's body (ledger.LedgerRepository.bodyOf) and the TARGET's plan list reads its own plans; without an
-- index both read every plan of the province.
CREATE INDEX rectification_plan_organization_idx ON rectification_plan (organization_id, status);

-- A lead's transfer as the findings module keeps it (issue 13 §1): when the office transferred it and to whom (the
-- receiver's label), written through findings.TransferableLeads.markTransferred by the referral module, which owns
-- the transfer itself (transfer_item). A transferred lead can no longer be withdrawn.
ALTER TABLE problem_lead ADD COLUMN transferred_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE problem_lead ADD COLUMN transferred_to VARCHAR(100);

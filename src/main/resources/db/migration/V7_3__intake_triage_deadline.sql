-- Deadlines before disposition (issue 5 review): a petition is received with a triage deadline (Petitions.TRIAGE_DAYS,
-- 7 days after receipt) in due_on, which disposition replaces with the handling deadline. Petitions received before
-- this change and not yet disposed get theirs here, so they are flagged overdue like new ones.
UPDATE petition SET due_on = CAST(received_on + 7 AS DATE)
WHERE due_on IS NULL AND status IN ('RECEIVED', 'TRIAGED');

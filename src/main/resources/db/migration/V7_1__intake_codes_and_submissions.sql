-- Wider code columns (REASONABLE_RESOLVED and UNREASONABLE_EDUCATED are 19 and 21 characters), and the keyed hash
-- of a form's one-time submission token: a page reloaded or a button pressed twice posts the same token again,
-- and the unique index turns the second post into a refusal instead of a second petition (SECURITY.md, "must
-- never happen" 5). Petitions from the JSON API carry none; NULLs do not collide.
ALTER TABLE petition ALTER COLUMN category SET DATA TYPE VARCHAR(24);
ALTER TABLE petition ALTER COLUMN disposition SET DATA TYPE VARCHAR(24);
ALTER TABLE petition ALTER COLUMN closure SET DATA TYPE VARCHAR(24);
ALTER TABLE petition ADD COLUMN submission_key VARCHAR(64);
CREATE UNIQUE INDEX petition_submission_uk ON petition (submission_key);

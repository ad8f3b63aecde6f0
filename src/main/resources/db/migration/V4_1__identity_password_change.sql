-- An account whose password an administrator set (new account, reset) must choose its own at next sign-in.
-- Default FALSE: accounts created directly in the database (demo data) are not forced to change.
ALTER TABLE user_account ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX user_account_body_idx ON user_account (body_id);
CREATE INDEX user_role_role_idx ON user_role (role);

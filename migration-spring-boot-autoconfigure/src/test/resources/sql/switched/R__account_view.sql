CREATE OR REPLACE VIEW account_emails AS SELECT email FROM account;

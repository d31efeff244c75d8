-- concurrently, so this file runs outside a transaction, each statement on its own
CREATE INDEX CONCURRENTLY ix_invoice_order ON invoice (order_id);
CREATE INDEX CONCURRENTLY ix_audit_log_table ON audit_log (table_name, at);

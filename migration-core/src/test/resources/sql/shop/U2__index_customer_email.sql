DROP INDEX CONCURRENTLY ix_customer_email;

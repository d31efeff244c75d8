DELETE FROM audit_log WHERE action = 'delete';
UPDATE product SET stock = stock - 1 WHERE stock > 0;

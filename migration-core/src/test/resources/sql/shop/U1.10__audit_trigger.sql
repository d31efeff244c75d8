DROP TRIGGER customer_touch ON customer;
DROP FUNCTION touch_customer();
ALTER TABLE customer DROP COLUMN updated_at;

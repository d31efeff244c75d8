ALTER TABLE customer ADD COLUMN updated_at timestamptz;

CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- a semicolon; inside the body
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER customer_touch BEFORE UPDATE ON customer
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

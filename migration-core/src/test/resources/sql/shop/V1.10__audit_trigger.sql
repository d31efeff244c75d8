/* an audit column kept by a trigger; /* nested */ comments are fine */
ALTER TABLE customer ADD COLUMN updated_at timestamptz;

CREATE FUNCTION touch_customer() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    NEW.updated_at := now(); -- a semicolon inside the body does not end the statement
    RETURN NEW;
END
$body$;

CREATE TRIGGER customer_touch BEFORE UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION touch_customer();

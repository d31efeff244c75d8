CREATE FUNCTION audit_orders() RETURNS trigger LANGUAGE plpgsql AS $audit$
BEGIN
    INSERT INTO audit_log (table_name, row_id, action)
    VALUES ('orders', coalesce(NEW.id, OLD.id), lower(TG_OP));
    RETURN coalesce(NEW, OLD);
END
$audit$;
CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE OR DELETE ON orders
    FOR EACH ROW EXECUTE FUNCTION audit_orders();

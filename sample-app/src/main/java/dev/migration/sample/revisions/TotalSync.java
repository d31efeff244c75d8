package dev.migration.sample.revisions;

/** The trigger that keeps orders.total and orders.total_cents in step while both exist. */
final class TotalSync {

	static final String CREATE_FUNCTION = """
			CREATE FUNCTION orders_sync_total() RETURNS trigger LANGUAGE plpgsql AS $fn$
			BEGIN
			    IF TG_OP = 'INSERT' THEN
			        IF NEW.total_cents IS NULL THEN
			            NEW.total_cents := round(NEW.total * 100);
			        ELSIF NEW.total IS NULL THEN
			            NEW.total := NEW.total_cents / 100.0;
			        END IF;
			    ELSIF NEW.total IS DISTINCT FROM OLD.total THEN
			        NEW.total_cents := round(NEW.total * 100);
			    ELSIF NEW.total_cents IS DISTINCT FROM OLD.total_cents THEN
			        NEW.total := NEW.total_cents / 100.0;
			    END IF;
			    RETURN NEW;
			END
			$fn$""";

	static final String DROP_FUNCTION = "DROP FUNCTION orders_sync_total()";

	static final String CREATE_TRIGGER = "CREATE TRIGGER orders_sync_total BEFORE INSERT OR UPDATE ON orders "
			+ "FOR EACH ROW EXECUTE FUNCTION orders_sync_total()";

	static final String DROP_TRIGGER = "DROP TRIGGER orders_sync_total ON orders";

	private TotalSync() {
	}

}

package dev.migration.sample.revisions;

/** The trigger that keeps customer.name and customer.full_name in step during the rename. */
final class NameSync {

	static final String CREATE_FUNCTION = """
			CREATE FUNCTION customer_sync_name() RETURNS trigger LANGUAGE plpgsql AS $fn$
			BEGIN
			    IF TG_OP = 'INSERT' THEN
			        NEW.full_name := coalesce(NEW.full_name, NEW.name);
			        NEW.name := coalesce(NEW.name, NEW.full_name);
			    ELSIF NEW.name IS DISTINCT FROM OLD.name THEN
			        NEW.full_name := NEW.name;
			    ELSIF NEW.full_name IS DISTINCT FROM OLD.full_name THEN
			        NEW.name := NEW.full_name;
			    END IF;
			    RETURN NEW;
			END
			$fn$""";

	static final String DROP_FUNCTION = "DROP FUNCTION customer_sync_name()";

	static final String CREATE_TRIGGER = "CREATE TRIGGER customer_sync_name BEFORE INSERT OR UPDATE ON customer "
			+ "FOR EACH ROW EXECUTE FUNCTION customer_sync_name()";

	static final String DROP_TRIGGER = "DROP TRIGGER customer_sync_name ON customer";

	private NameSync() {
	}

}

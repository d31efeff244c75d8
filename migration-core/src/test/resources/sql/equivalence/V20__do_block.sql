DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT id FROM product LOOP
        UPDATE product SET title = title || ' (v2)' WHERE id = r.id AND id % 2 = 0;
    END LOOP;
END
$$;

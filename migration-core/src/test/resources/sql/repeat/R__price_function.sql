CREATE OR REPLACE FUNCTION item_price_with_tax(p numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT round(p * 1.2, 2) $$;

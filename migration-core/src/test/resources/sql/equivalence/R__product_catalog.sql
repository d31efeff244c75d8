-- The storefront reads products through this view and function; both are re-created
-- whenever this file changes, after every versioned file.
CREATE OR REPLACE VIEW product_catalog AS
SELECT p.id, p.sku, p.title, p.price_cents / 100.0 AS price, p.stock > 0 AS in_stock
FROM product p;

CREATE OR REPLACE FUNCTION product_price(p_sku text) RETURNS numeric
LANGUAGE plpgsql STABLE AS $body$
DECLARE
    result numeric;
BEGIN
    SELECT price INTO result FROM product_catalog WHERE sku = p_sku; -- a semicolon in the body
    RETURN result;
END
$body$;

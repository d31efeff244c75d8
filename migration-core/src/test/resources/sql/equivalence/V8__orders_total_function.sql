CREATE FUNCTION order_total(p_order bigint) RETURNS bigint
LANGUAGE sql STABLE AS $fn$
    SELECT coalesce(sum(l.quantity * p.price_cents), 0)
    FROM order_line l JOIN product p ON p.id = l.product_id
    WHERE l.order_id = p_order;
$fn$;

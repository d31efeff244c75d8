ALTER TABLE order_line ADD COLUMN double_quantity integer GENERATED ALWAYS AS (quantity * 2) STORED;

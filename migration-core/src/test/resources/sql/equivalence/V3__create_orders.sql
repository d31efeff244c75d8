/* orders and their lines; /* a nested comment */ still one comment */
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customer (id),
    placed_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE order_line (
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id bigint NOT NULL REFERENCES product (id),
    quantity integer NOT NULL DEFAULT 1,
    PRIMARY KEY (order_id, product_id)
);

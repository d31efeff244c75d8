-- customers
CREATE TABLE customer (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    full_name text,
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE customer IS 'people who buy; their email is unique';

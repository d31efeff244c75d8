CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name text NOT NULL,
    row_id bigint,
    action text NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    at timestamptz NOT NULL DEFAULT clock_timestamp()
);

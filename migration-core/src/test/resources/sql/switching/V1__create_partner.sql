CREATE TABLE partner (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    created_by text DEFAULT '${flyway:user}'
);

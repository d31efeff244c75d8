ALTER TABLE customer RENAME COLUMN full_name TO display_name;

-- the first file after the switch: this starter applies it, Flyway never saw it
ALTER TABLE customer ADD COLUMN note text;

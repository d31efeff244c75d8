CREATE TABLE note (id bigint PRIMARY KEY, body text);
CREATE INDEX note_body_idx ON ${flyway:defaultSchema}.note (body);

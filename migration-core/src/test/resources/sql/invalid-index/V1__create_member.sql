CREATE TABLE member (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text);
INSERT INTO member (email) VALUES ('one@example.com'), ('twice@example.com'), ('twice@example.com');

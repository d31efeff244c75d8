CREATE TABLE ticket (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text, owner text);
INSERT INTO ticket (code, owner) SELECT 'T' || g, 'owner ' || (g % 7) FROM generate_series(1, 40) g;

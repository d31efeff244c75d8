CREATE TABLE IF NOT EXISTS audit (event text);
INSERT INTO audit (event) VALUES ('after upgrade');

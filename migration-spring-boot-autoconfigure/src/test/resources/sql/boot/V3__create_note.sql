-- revises: 2000
CREATE TABLE note (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, greeting_id bigint, body text NOT NULL);

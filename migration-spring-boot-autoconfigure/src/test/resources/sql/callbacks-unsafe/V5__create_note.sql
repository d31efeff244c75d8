CREATE TABLE note (body text);

INSERT INTO note (greeting_id, body) SELECT id, text || ', from SQL' FROM greeting;

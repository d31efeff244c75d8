CREATE TABLE region (
    code char(2) PRIMARY KEY,
    name text NOT NULL,
    note text
);

-- rows as pg_dump writes them: tab-separated, \N for NULL, ended by a \. line
COPY region (code, name, note) FROM stdin;
FR	France	the 'hexagon'; -- not a comment
DE	Germany	\N
GB	United Kingdom	$$ not a dollar quote
\.

UPDATE region SET note = 'checked' WHERE note IS NULL;

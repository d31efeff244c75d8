CREATE TABLE event (
    id bigint NOT NULL,
    happened_on date NOT NULL,
    payload jsonb
) PARTITION BY RANGE (happened_on);
CREATE TABLE event_2026 PARTITION OF event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
INSERT INTO event VALUES (1, '2026-03-01', '{"kind": "signup", "note": "semi;colon"}');

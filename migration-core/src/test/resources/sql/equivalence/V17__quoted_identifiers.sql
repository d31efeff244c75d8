CREATE TABLE "Odd Table" ("semi;colon" text, "quote""d" integer);
INSERT INTO "Odd Table" VALUES ('a;b', 1), ('c', 2);

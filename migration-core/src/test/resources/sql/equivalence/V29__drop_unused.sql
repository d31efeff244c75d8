ALTER TABLE "Odd Table" DROP COLUMN "quote""d";

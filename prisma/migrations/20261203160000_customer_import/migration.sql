-- Customers brought from a spreadsheet or CRM export: the last contact that system knew of (so
-- lapsed customers are found at once) and its notes.
ALTER TABLE "Customer" ADD COLUMN "lastContactAt" TIMESTAMPTZ(3),
  ADD COLUMN "notes" TEXT;

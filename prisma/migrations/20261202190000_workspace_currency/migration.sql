-- The currency a workspace's amounts are in (ISO 4217, e.g. EUR); none: amounts show as plain numbers.
ALTER TABLE "Workspace" ADD COLUMN "currency" TEXT;

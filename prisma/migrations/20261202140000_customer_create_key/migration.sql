-- Two requests creating the same new customer at once meet on what it was created from
-- (the normalised name, email and external id) and make one, without a lock or a transaction.
ALTER TABLE "Customer" ADD COLUMN "createKey" TEXT;
CREATE UNIQUE INDEX "Customer_workspaceId_createKey_key" ON "Customer"("workspaceId", "createKey");

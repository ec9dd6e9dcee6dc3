-- Rapport: retention thresholds and the conditions customers cross

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "lapsedDays" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN "atRiskComplaints" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN "atRiskWindowDays" INTEGER NOT NULL DEFAULT 30;

-- CreateTable
CREATE TABLE "CustomerCondition" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "condition" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "clearedAt" TIMESTAMPTZ(3),
    "snoozedUntil" TIMESTAMPTZ(3),
    "leaseUntil" TIMESTAMPTZ(3),
    "nudgedAt" TIMESTAMPTZ(3),
    CONSTRAINT "CustomerCondition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CustomerCondition_customerId_condition_key" ON "CustomerCondition"("customerId", "condition");
CREATE INDEX "CustomerCondition_workspaceId_nudgedAt_idx" ON "CustomerCondition"("workspaceId", "nudgedAt");

-- AddForeignKey
ALTER TABLE "CustomerCondition" ADD CONSTRAINT "CustomerCondition_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CustomerCondition" ADD CONSTRAINT "CustomerCondition_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

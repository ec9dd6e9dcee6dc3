-- Rapport: weekly digests (sent once per person and week), targets, and the indexes the reports read

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "digestWeekday" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "digestMinute" INTEGER NOT NULL DEFAULT 480,
ADD COLUMN "digestForManagers" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Target" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "setById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestDelivery" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "week" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMPTZ(3),
    "leasedBy" TEXT,
    "unsure" BOOLEAN NOT NULL DEFAULT false,
    "sentAt" TIMESTAMPTZ(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "channelId" TEXT,
    "ts" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Target_workspaceId_metric_key" ON "Target"("workspaceId", "metric");

-- CreateIndex
CREATE UNIQUE INDEX "DigestDelivery_memberId_week_key" ON "DigestDelivery"("memberId", "week");

-- CreateIndex
CREATE INDEX "DigestDelivery_sentAt_nextAttemptAt_idx" ON "DigestDelivery"("sentAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Escalation_workspaceId_createdAt_idx" ON "Escalation"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Escalation_workspaceId_decidedAt_idx" ON "Escalation"("workspaceId", "decidedAt");

-- CreateIndex
CREATE INDEX "Escalation_workspaceId_dueAt_idx" ON "Escalation"("workspaceId", "dueAt");

-- CreateIndex
CREATE INDEX "FollowUp_workspaceId_dueAt_idx" ON "FollowUp"("workspaceId", "dueAt");

-- CreateIndex
CREATE INDEX "CustomerCondition_workspaceId_since_idx" ON "CustomerCondition"("workspaceId", "since");

-- CreateIndex
CREATE INDEX "Outreach_workspaceId_wonBackAt_idx" ON "Outreach"("workspaceId", "wonBackAt");

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestDelivery" ADD CONSTRAINT "DigestDelivery_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestDelivery" ADD CONSTRAINT "DigestDelivery_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

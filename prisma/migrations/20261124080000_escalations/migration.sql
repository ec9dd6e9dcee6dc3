-- Rapport: escalations (routing, business hours, deadlines, card posting)

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "businessStart" INTEGER NOT NULL DEFAULT 540,
ADD COLUMN "businessEnd" INTEGER NOT NULL DEFAULT 1020,
ADD COLUMN "businessDays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
ADD COLUMN "limitLow" INTEGER NOT NULL DEFAULT 1440,
ADD COLUMN "limitNormal" INTEGER NOT NULL DEFAULT 480,
ADD COLUMN "limitHigh" INTEGER NOT NULL DEFAULT 240,
ADD COLUMN "limitUrgent" INTEGER NOT NULL DEFAULT 60;

ALTER TABLE "Team" ADD COLUMN "directorChannelId" TEXT;

ALTER TABLE "Escalation" ADD COLUMN "note" TEXT,
ADD COLUMN "postAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "nextPostAt" TIMESTAMPTZ(3),
ADD COLUMN "postError" TEXT,
ADD COLUMN "handoffAt" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN "remindedAt" TIMESTAMPTZ(3),
ADD COLUMN "handedOffAt" TIMESTAMPTZ(3),
ADD COLUMN "decidedById" UUID,
ADD COLUMN "decisionNote" TEXT;

-- CreateTable
CREATE TABLE "Holiday" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT,
    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RoutingRule" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "teamId" UUID,
    "kind" "InteractionKind",
    "severity" "Severity",
    "tier" TEXT,
    "channelId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Escalation_status_handoffAt_idx" ON "Escalation"("status", "handoffAt");
CREATE INDEX "Escalation_nextPostAt_idx" ON "Escalation"("nextPostAt");
CREATE UNIQUE INDEX "Holiday_workspaceId_date_key" ON "Holiday"("workspaceId", "date");
CREATE INDEX "RoutingRule_workspaceId_idx" ON "RoutingRule"("workspaceId");

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rapport: win-back campaigns, customer tags, follow-up day counts as settings

-- CreateEnum
CREATE TYPE "CampaignSegment" AS ENUM ('lapsed', 'at_risk', 'tag', 'team');
CREATE TYPE "OutreachStatus" AS ENUM ('pending', 'sent', 'skipped', 'expired');

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "satisfactionDays" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN "overdueManagerDays" INTEGER NOT NULL DEFAULT 3;
ALTER TABLE "Customer" ADD COLUMN "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "Team" ADD COLUMN "workDayStart" INTEGER,
ADD COLUMN "workDayEnd" INTEGER;

-- CreateTable
CREATE TABLE "Campaign" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "offer" TEXT NOT NULL,
    "segment" "CampaignSegment" NOT NULL,
    "tag" TEXT,
    "teamId" UUID,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "populatedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "progressChannelId" TEXT,
    "progressTs" TEXT,
    "progressShown" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Outreach" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "status" "OutreachStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMPTZ(3),
    "leasedBy" TEXT,
    "unsure" BOOLEAN NOT NULL DEFAULT false,
    "sentAt" TIMESTAMPTZ(3),
    "dmChannelId" TEXT,
    "dmTs" TEXT,
    "contactedAt" TIMESTAMPTZ(3),
    "response" TEXT,
    "respondedAt" TIMESTAMPTZ(3),
    "wonBackAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Outreach_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Campaign_workspaceId_endedAt_idx" ON "Campaign"("workspaceId", "endedAt");
CREATE INDEX "Campaign_endedAt_startsAt_idx" ON "Campaign"("endedAt", "startsAt");
CREATE UNIQUE INDEX "Outreach_campaignId_customerId_key" ON "Outreach"("campaignId", "customerId");
CREATE INDEX "Outreach_status_nextAttemptAt_idx" ON "Outreach"("status", "nextAttemptAt");
CREATE INDEX "Outreach_campaignId_status_idx" ON "Outreach"("campaignId", "status");
CREATE INDEX "Outreach_customerId_idx" ON "Outreach"("customerId");
CREATE INDEX "Outreach_recipientId_status_nextAttemptAt_idx" ON "Outreach"("recipientId", "status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Outreach" ADD CONSTRAINT "Outreach_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Outreach" ADD CONSTRAINT "Outreach_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Outreach" ADD CONSTRAINT "Outreach_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Outreach" ADD CONSTRAINT "Outreach_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

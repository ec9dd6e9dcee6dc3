-- Rapport: delivering follow-ups (lease while sending, the DM's place, the outcome)

-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN "leaseUntil" TIMESTAMPTZ(3),
ADD COLUMN "dmChannelId" TEXT,
ADD COLUMN "dmTs" TEXT,
ADD COLUMN "managerToldAt" TIMESTAMPTZ(3),
ADD COLUMN "outcome" TEXT;

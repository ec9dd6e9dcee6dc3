-- Rapport: escalation reminders and hand-offs are leased while sent, marked once Slack took them

-- AlterTable
ALTER TABLE "Escalation" ADD COLUMN "reminderLeaseUntil" TIMESTAMPTZ(3),
ADD COLUMN "handoffLeaseUntil" TIMESTAMPTZ(3);

-- A form submitted twice (a double click, Slack's retry) creates one escalation, one follow-up,
-- one campaign: each carries the key of the request that made it.
ALTER TABLE "Escalation" ADD COLUMN "requestKey" TEXT;
ALTER TABLE "FollowUp" ADD COLUMN "requestKey" TEXT;
ALTER TABLE "Campaign" ADD COLUMN "requestKey" TEXT;
CREATE UNIQUE INDEX "Escalation_workspaceId_requestKey_key" ON "Escalation"("workspaceId", "requestKey");
CREATE UNIQUE INDEX "FollowUp_workspaceId_requestKey_key" ON "FollowUp"("workspaceId", "requestKey");
CREATE UNIQUE INDEX "Campaign_workspaceId_requestKey_key" ON "Campaign"("workspaceId", "requestKey");

-- Old job claims are pruned by the time they were scheduled for.
CREATE INDEX "JobRun_scheduledFor_idx" ON "JobRun"("scheduledFor");

-- Follow-ups a tick could not send yet wait until nextCheckAt instead of filling every batch.
ALTER TABLE "FollowUp" ADD COLUMN "nextCheckAt" TIMESTAMPTZ(3);
CREATE INDEX "FollowUp_status_nextCheckAt_idx" ON "FollowUp"("status", "nextCheckAt");

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

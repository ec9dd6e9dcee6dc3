-- Rapport: the reports read interactions by time through one index that also holds what they count
-- (kind, channel, outcome, author), so a week's figures come from the index alone.

-- DropIndex
DROP INDEX "Interaction_workspaceId_occurredAt_idx";

-- CreateIndex
CREATE INDEX "Interaction_report_idx" ON "Interaction"("workspaceId", "occurredAt", "deletedAt", "kind", "channel", "outcome", "authorId");

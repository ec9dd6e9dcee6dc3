-- What was really behind a complaint (recorded when it is decided or resolved), when a customer was
-- marked as lost, and whether "at risk" counts only repeated complaints of one category.
ALTER TABLE "Interaction" ADD COLUMN "rootCauseCategoryId" UUID,
  ADD COLUMN "rootCauseNote" TEXT,
  ADD COLUMN "rootCauseAt" TIMESTAMPTZ(3),
  ADD COLUMN "rootCauseById" UUID;
CREATE INDEX "Interaction_workspaceId_rootCauseAt_idx" ON "Interaction"("workspaceId", "rootCauseAt");
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_rootCauseCategoryId_fkey" FOREIGN KEY ("rootCauseCategoryId") REFERENCES "ReasonCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Customer" ADD COLUMN "churnedAt" TIMESTAMPTZ(3);

ALTER TABLE "Workspace" ADD COLUMN "atRiskSameCategory" BOOLEAN NOT NULL DEFAULT false;

-- A complaint's satisfaction follow-up, found from the complaint.
CREATE INDEX "FollowUp_interactionId_idx" ON "FollowUp"("interactionId");

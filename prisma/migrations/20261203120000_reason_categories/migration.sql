-- Why customers complain, by category: a short list per workspace that admins keep (the defaults
-- by key, named in each reader's language until renamed), and the category of each complaint.
CREATE TABLE "ReasonCategory" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "key" TEXT,
    "name" TEXT,
    "retiredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReasonCategory_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ReasonCategory_workspaceId_key_key" ON "ReasonCategory"("workspaceId", "key");
ALTER TABLE "ReasonCategory" ADD CONSTRAINT "ReasonCategory_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Interaction" ADD COLUMN "reasonCategoryId" UUID;
CREATE INDEX "Interaction_workspaceId_reasonCategoryId_idx" ON "Interaction"("workspaceId", "reasonCategoryId");
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_reasonCategoryId_fkey" FOREIGN KEY ("reasonCategoryId") REFERENCES "ReasonCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

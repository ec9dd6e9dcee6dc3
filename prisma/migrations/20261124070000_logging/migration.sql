-- Rapport: logging interactions from Slack (drafts, intake channels, idempotency keys)

-- CreateEnum
CREATE TYPE "CustomerStatus" AS ENUM ('active', 'churned');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "status" "CustomerStatus" NOT NULL DEFAULT 'active';

ALTER TABLE "Interaction" ADD COLUMN "sourceChannelId" TEXT,
ADD COLUMN "sourceMessageTs" TEXT,
ADD COLUMN "sourceAuthorId" TEXT,
ADD COLUMN "requestKey" TEXT,
ADD COLUMN "deletedById" UUID;

-- CreateTable
CREATE TABLE "Draft" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "data" JSONB NOT NULL,
    "interactionId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Draft_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "IntakeChannel" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "channelId" TEXT NOT NULL,
    "enabledById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IntakeChannel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Interaction_workspaceId_requestKey_key" ON "Interaction"("workspaceId", "requestKey");
CREATE UNIQUE INDEX "Interaction_workspaceId_sourceChannelId_sourceMessageTs_key" ON "Interaction"("workspaceId", "sourceChannelId", "sourceMessageTs");
CREATE INDEX "Draft_workspaceId_memberId_idx" ON "Draft"("workspaceId", "memberId");
CREATE UNIQUE INDEX "IntakeChannel_workspaceId_channelId_key" ON "IntakeChannel"("workspaceId", "channelId");

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "IntakeChannel" ADD CONSTRAINT "IntakeChannel_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

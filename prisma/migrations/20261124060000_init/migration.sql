-- Rapport: initial schema (written by hand; test/db/migrations-match-schema.test.ts checks it against schema.prisma)

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('agent', 'manager', 'director', 'admin');
CREATE TYPE "InteractionKind" AS ENUM ('question', 'order', 'complaint', 'feedback', 'other');
CREATE TYPE "ContactChannel" AS ENUM ('phone', 'in_person', 'email', 'chat', 'social', 'other');
CREATE TYPE "Outcome" AS ENUM ('resolved', 'pending', 'escalated');
CREATE TYPE "Sentiment" AS ENUM ('positive', 'neutral', 'negative');
CREATE TYPE "Severity" AS ENUM ('low', 'normal', 'high', 'urgent');
CREATE TYPE "EscalationStatus" AS ENUM ('open', 'claimed', 'approved', 'rejected', 'resolved', 'cancelled');
CREATE TYPE "FollowUpStatus" AS ENUM ('pending', 'done', 'cancelled');

-- CreateTable
CREATE TABLE "Workspace" (
    "id" UUID NOT NULL,
    "slackTeamId" TEXT NOT NULL,
    "name" TEXT,
    "defaultLocale" TEXT NOT NULL DEFAULT 'en',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Team" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "managersChannelId" TEXT,
    "directorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Member" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "displayName" TEXT,
    "role" "Role" NOT NULL DEFAULT 'agent',
    "teamId" UUID,
    "locale" TEXT,
    "localeOverride" TEXT,
    "timeZone" TEXT,
    "workDayStart" INTEGER,
    "workDayEnd" INTEGER,
    "profileFetchedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Customer" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL,
    "externalId" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "tier" TEXT,
    "ownerId" UUID,
    "optedOutOfOffers" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Interaction" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "kind" "InteractionKind" NOT NULL,
    "channel" "ContactChannel" NOT NULL,
    "summary" TEXT NOT NULL,
    "outcome" "Outcome" NOT NULL DEFAULT 'pending',
    "sentiment" "Sentiment",
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "sourcePermalink" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),
    CONSTRAINT "Interaction_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Escalation" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "interactionId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "teamId" UUID,
    "raisedById" UUID NOT NULL,
    "claimedById" UUID,
    "status" "EscalationStatus" NOT NULL DEFAULT 'open',
    "severity" "Severity" NOT NULL DEFAULT 'normal',
    "reason" TEXT NOT NULL,
    "requestedAction" TEXT NOT NULL,
    "amount" DECIMAL(12,2),
    "channelId" TEXT,
    "messageTs" TEXT,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "EscalationEvent" (
    "id" UUID NOT NULL,
    "escalationId" UUID NOT NULL,
    "actorId" UUID,
    "fromStatus" "EscalationStatus",
    "toStatus" "EscalationStatus" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EscalationEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "FollowUp" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "assigneeId" UUID NOT NULL,
    "interactionId" UUID,
    "escalationId" UUID,
    "status" "FollowUpStatus" NOT NULL DEFAULT 'pending',
    "note" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "notifiedAt" TIMESTAMPTZ(3),
    "lastRemindedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "data" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ProcessedDelivery" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProcessedDelivery_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "JobRun" (
    "jobName" TEXT NOT NULL,
    "scheduledFor" TIMESTAMPTZ(3) NOT NULL,
    "instanceId" TEXT NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("jobName","scheduledFor")
);

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_slackTeamId_key" ON "Workspace"("slackTeamId");
CREATE UNIQUE INDEX "Team_workspaceId_name_key" ON "Team"("workspaceId", "name");
CREATE INDEX "Member_workspaceId_teamId_idx" ON "Member"("workspaceId", "teamId");
CREATE UNIQUE INDEX "Member_workspaceId_slackUserId_key" ON "Member"("workspaceId", "slackUserId");
CREATE INDEX "Customer_workspaceId_normalizedName_idx" ON "Customer"("workspaceId", "normalizedName");
CREATE INDEX "Customer_workspaceId_email_idx" ON "Customer"("workspaceId", "email");
CREATE INDEX "Customer_workspaceId_phone_idx" ON "Customer"("workspaceId", "phone");
CREATE UNIQUE INDEX "Customer_workspaceId_externalId_key" ON "Customer"("workspaceId", "externalId");
CREATE INDEX "Interaction_workspaceId_customerId_occurredAt_idx" ON "Interaction"("workspaceId", "customerId", "occurredAt");
CREATE INDEX "Interaction_workspaceId_occurredAt_idx" ON "Interaction"("workspaceId", "occurredAt");
CREATE INDEX "Interaction_workspaceId_authorId_occurredAt_idx" ON "Interaction"("workspaceId", "authorId", "occurredAt");
CREATE INDEX "Escalation_status_dueAt_idx" ON "Escalation"("status", "dueAt");
CREATE INDEX "Escalation_workspaceId_customerId_status_idx" ON "Escalation"("workspaceId", "customerId", "status");
CREATE INDEX "EscalationEvent_escalationId_createdAt_idx" ON "EscalationEvent"("escalationId", "createdAt");
CREATE INDEX "FollowUp_status_dueAt_idx" ON "FollowUp"("status", "dueAt");
CREATE INDEX "FollowUp_workspaceId_assigneeId_status_idx" ON "FollowUp"("workspaceId", "assigneeId", "status");
CREATE INDEX "AuditEvent_workspaceId_createdAt_idx" ON "AuditEvent"("workspaceId", "createdAt");
CREATE INDEX "AuditEvent_workspaceId_entityType_entityId_idx" ON "AuditEvent"("workspaceId", "entityType", "entityId");
CREATE INDEX "ProcessedDelivery_createdAt_idx" ON "ProcessedDelivery"("createdAt");

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Team" ADD CONSTRAINT "Team_directorId_fkey" FOREIGN KEY ("directorId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Member" ADD CONSTRAINT "Member_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Member" ADD CONSTRAINT "Member_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_interactionId_fkey" FOREIGN KEY ("interactionId") REFERENCES "Interaction"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "EscalationEvent" ADD CONSTRAINT "EscalationEvent_escalationId_fkey" FOREIGN KEY ("escalationId") REFERENCES "Escalation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_interactionId_fkey" FOREIGN KEY ("interactionId") REFERENCES "Interaction"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_escalationId_fkey" FOREIGN KEY ("escalationId") REFERENCES "Escalation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

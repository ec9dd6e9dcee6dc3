-- People away: whole local days, both ends included; one row per merged stretch.
CREATE TABLE "Absence" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "note" TEXT,
    "setById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Absence_ends_after_start" CHECK ("endsOn" >= "startsOn")
);
CREATE INDEX "Absence_workspaceId_memberId_endsOn_idx" ON "Absence"("workspaceId", "memberId", "endsOn");
CREATE INDEX "Absence_workspaceId_startsOn_endsOn_idx" ON "Absence"("workspaceId", "startsOn", "endsOn");
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_setById_fkey" FOREIGN KEY ("setById") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

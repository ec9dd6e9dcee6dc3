-- A retention nudge that went to an away owner's cover: who got it, and when the owner is back.
-- Still open by then, it comes due again for the owner.
ALTER TABLE "CustomerCondition" ADD COLUMN "coverId" UUID;
ALTER TABLE "CustomerCondition" ADD COLUMN "handBackAt" TIMESTAMPTZ(3);
CREATE INDEX "CustomerCondition_handBackAt_idx" ON "CustomerCondition"("handBackAt");

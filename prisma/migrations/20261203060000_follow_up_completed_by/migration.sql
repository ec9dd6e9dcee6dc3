-- Who marked a follow-up done: the digest counts the work a cover handled for someone away.
ALTER TABLE "FollowUp" ADD COLUMN "completedById" UUID;
-- A cover's Home tab lists the follow-ups they hold for someone away.
CREATE INDEX "FollowUp_coverId_status_idx" ON "FollowUp"("coverId", "status");

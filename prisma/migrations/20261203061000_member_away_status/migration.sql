-- The Slack status Rapport last read as "away" for a person (its end and text): it asks them once per status.
ALTER TABLE "Member" ADD COLUMN "awayStatusSeen" TEXT;

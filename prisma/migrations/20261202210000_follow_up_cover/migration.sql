-- Who received a follow-up's DM while its assignee was away: they may act on it like the assignee.
ALTER TABLE "FollowUp" ADD COLUMN "coverId" UUID;

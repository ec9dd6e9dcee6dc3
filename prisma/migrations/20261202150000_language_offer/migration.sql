-- A person whose Slack language Rapport does not speak is asked once, on the Home tab, which
-- language to use; keeping the one they get is remembered here.
ALTER TABLE "Member" ADD COLUMN "languageOfferDismissedAt" TIMESTAMPTZ(3);

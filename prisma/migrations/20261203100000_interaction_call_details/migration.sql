-- What another system tells of an interaction: a call's length, and its own reference (a call id).
ALTER TABLE "Interaction" ADD COLUMN "durationSeconds" INTEGER;
ALTER TABLE "Interaction" ADD COLUMN "sourceRef" TEXT;

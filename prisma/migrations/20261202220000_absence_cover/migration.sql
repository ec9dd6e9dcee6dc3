-- Whom the absent person named to cover for them (their work goes there first while they are away).
ALTER TABLE "Absence" ADD COLUMN "coverId" UUID;

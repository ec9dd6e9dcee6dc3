import type { PrismaClient } from "../../generated/prisma/client.js";
import { createAbsenceRepository } from "../absences/absence.repository.js";
import { createSettingsRepository } from "../workspace-settings/settings.repository.js";
import { createDigestDeliveryRepository } from "./digest-delivery.repository.js";
import { createExportRepository } from "./export.repository.js";
import { createReportRepository } from "./report.repository.js";
import { createReportService } from "./report.service.js";
import { createTargetRepository } from "./target.repository.js";

/** The report service on its own repositories (the benchmarks and the figure tests build it alone). */
export function reportServiceOn(prisma: PrismaClient, now: () => Date) {
  return createReportService({
    reports: createReportRepository(prisma),
    targets: createTargetRepository(prisma),
    exports: createExportRepository(prisma, now),
    settings: createSettingsRepository(prisma),
    schedule: createDigestDeliveryRepository(prisma),
    absences: createAbsenceRepository(prisma),
    now,
  });
}

import type { PrismaClient } from "../../generated/prisma/client.js";

/** Claims one scheduled fire of a job for one instance: the JobRun row is the claim. */
export interface JobRunRepository {
  claim(jobName: string, scheduledFor: Date, instanceId: string): Promise<boolean>;
  finish(jobName: string, scheduledFor: Date): Promise<void>;
  /** Forgets up to `limit` claims of fires scheduled before `before`; returns how many. */
  prune(before: Date, limit: number): Promise<number>;
}

export function createJobRunRepository(prisma: PrismaClient): JobRunRepository {
  return {
    async claim(jobName, scheduledFor, instanceId) {
      const inserted = await prisma.$executeRaw`
        INSERT INTO "JobRun" ("jobName", "scheduledFor", "instanceId") VALUES (${jobName}, ${scheduledFor}, ${instanceId})
        ON CONFLICT ("jobName", "scheduledFor") DO NOTHING`;
      return inserted === 1;
    },
    async finish(jobName, scheduledFor) {
      await prisma.jobRun.updateMany({ where: { jobName, scheduledFor }, data: { finishedAt: new Date() } });
    },
    prune: (before, limit) => prisma.$executeRaw`
      DELETE FROM "JobRun" WHERE ("jobName", "scheduledFor") IN (
        SELECT "jobName", "scheduledFor" FROM "JobRun" WHERE "scheduledFor" < ${before} LIMIT ${limit})`,
  };
}

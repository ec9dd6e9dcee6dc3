import type { PrismaClient } from "../../generated/prisma/client.js";

/** Remembers which Slack deliveries were handled, so a retry never does the work twice. */
export interface DeliveryRepository {
  /** True when this call recorded the key; false when it was already there. */
  claim(key: string): Promise<boolean>;
  release(key: string): Promise<void>;
  /** Forgets up to `limit` deliveries recorded before `before`; returns how many. */
  prune(before: Date, limit: number): Promise<number>;
}

export function createDeliveryRepository(prisma: PrismaClient): DeliveryRepository {
  return {
    async claim(key) {
      const inserted = await prisma.$executeRaw`
        INSERT INTO "ProcessedDelivery" ("key") VALUES (${key}) ON CONFLICT ("key") DO NOTHING`;
      return inserted === 1;
    },
    async release(key) {
      await prisma.processedDelivery.deleteMany({ where: { key } });
    },
    prune: (before, limit) => prisma.$executeRaw`
      DELETE FROM "ProcessedDelivery" WHERE "key" IN (
        SELECT "key" FROM "ProcessedDelivery" WHERE "createdAt" < ${before} LIMIT ${limit})`,
  };
}

import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseTarget } from "../config/config.js";
import { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logging/logger.js";
import { openPgPool } from "./pg-driver.js";
import { openPGlite } from "./pglite-driver.js";
import type { SqlDriver } from "./sql-driver.js";

export interface Database {
  prisma: PrismaClient;
  sql: SqlDriver;
  kind: DatabaseTarget["kind"];
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PGlite only: start from this dumped data folder instead of initdb (tests). */
  pgliteTemplate?: Blob;
}

export async function openDatabase(
  target: DatabaseTarget,
  logger: Logger,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  if (target.kind === "postgres") {
    const { pool, driver } = openPgPool(target.url, logger);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      sql: driver,
      kind: "postgres",
      async close() {
        await prisma.$disconnect();
        await driver.close();
      },
    };
  }
  const { pglite, driver } = await openPGlite({
    dataDir: target.dataDir,
    loadDataDir: options.pgliteTemplate,
  });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    sql: driver,
    kind: "pglite",
    async close() {
      await prisma.$disconnect();
      await driver.close();
    },
  };
}

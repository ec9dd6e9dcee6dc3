import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseTarget } from "../config/config.js";
import { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logging/logger.js";
import { openPgPool } from "./pg-driver.js";
import { openPGliteThread } from "./pglite-thread.js";
import { serialTransactions } from "./serial-transactions.js";
import type { SqlDriver } from "./sql-driver.js";
import { countingAdapter, createStatementCounter, type StatementCounter } from "./statement-counter.js";

export interface Database {
  prisma: PrismaClient;
  sql: SqlDriver;
  kind: DatabaseTarget["kind"];
  /** The SQL statements Prisma has sent (tests hold requests to a budget with it). */
  statements: StatementCounter;
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
  const statements = createStatementCounter();
  if (target.kind === "postgres") {
    const { pool, driver } = openPgPool(target.url, logger);
    const prisma = new PrismaClient({ adapter: countingAdapter(serialTransactions(new PrismaPg(pool)), statements) });
    return {
      prisma,
      sql: driver,
      kind: "postgres",
      statements,
      async close() {
        await prisma.$disconnect();
        await driver.close();
      },
    };
  }
  // On a thread of its own, so a long query never holds up an acknowledgement.
  const { adapter, driver } = await openPGliteThread({
    dataDir: target.dataDir,
    loadDataDir: options.pgliteTemplate,
  });
  const prisma = new PrismaClient({ adapter: countingAdapter(adapter, statements) });
  return {
    prisma,
    sql: driver,
    kind: "pglite",
    statements,
    async close() {
      await prisma.$disconnect();
      await driver.close();
    },
  };
}

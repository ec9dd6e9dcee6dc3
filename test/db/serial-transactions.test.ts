import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { createLogger } from "../../src/logging/logger.js";
import {
  createScratchDatabase,
  POSTGRES_SKIP_REASON,
  type ScratchDatabase,
  TEST_DATABASE_URL,
} from "../support/test-database.js";

// pg deprecates a query sent to a client that is still running one (an error in pg 9); Prisma sends
// the statements of one transaction at once when the code asks for them together.
describe.skipIf(!TEST_DATABASE_URL)(
  `statements of one transaction on PostgreSQL${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    let scratch: ScratchDatabase;
    let database: Database;
    const query = pg.Client.prototype.query;
    let overlapping = 0;

    beforeAll(async () => {
      scratch = await createScratchDatabase();
      database = await openDatabase({ kind: "postgres", url: scratch.url }, createLogger("silent"));
      await migrate(database.sql, createLogger("silent"));
      const patched = function (
        this: pg.Client & { activeQuery?: unknown; queryQueue?: unknown[] },
        ...args: unknown[]
      ) {
        const queue = (this as unknown as { _queryQueue?: unknown[] })._queryQueue ?? [];
        if (this.activeQuery || queue.length > 0) overlapping++;
        return (query as (...a: unknown[]) => unknown).apply(this, args);
      };
      pg.Client.prototype.query = patched as typeof query;
    });
    afterAll(async () => {
      pg.Client.prototype.query = query;
      await database.close();
      await scratch.drop();
    });

    it("go to the connection one after the other, never two at once", async () => {
      await database.prisma.workspace.create({ data: { slackTeamId: "T0SERIAL" } });
      // One read with three relations: Prisma loads the relations at once.
      const found = await database.prisma.$transaction((tx) =>
        tx.workspace.findMany({ include: { members: true, teams: true, customers: true } }),
      );
      expect(found.map((w) => w.slackTeamId)).toEqual(["T0SERIAL"]);
      expect(overlapping).toBe(0);
    });
  },
);

import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "../../src/db/migrate.js";
import { openPgPool } from "../../src/db/pg-driver.js";
import { openPGlite } from "../../src/db/pglite-driver.js";
import type { SqlDriver } from "../../src/db/sql-driver.js";
import { createLogger } from "../../src/logging/logger.js";
import { pgliteTemplate } from "../support/pglite-template.js";
import { createScratchDatabase, POSTGRES_SKIP_REASON, TEST_DATABASE_URL } from "../support/test-database.js";
import { shapeFromDatabase, shapeFromSchema } from "./schema-shape.js";

const SCHEMA = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));
const expected = shapeFromSchema(SCHEMA);

async function expectMatchesSchema(driver: SqlDriver) {
  const actual = await shapeFromDatabase(driver);
  expect(actual.enums).toEqual(expected.enums);
  expect(Object.keys(actual.tables).sort()).toEqual(Object.keys(expected.tables).sort());
  for (const table of Object.keys(expected.tables)) {
    expect({ table, columns: actual.tables[table] }).toEqual({ table, columns: expected.tables[table] });
  }
  expect(actual.indexes).toEqual(expected.indexes);
  expect(actual.foreignKeys).toEqual(expected.foreignKeys);
}

describe("the hand-written migrations build exactly the database schema.prisma declares", () => {
  it("declares something to compare (the comparison is not vacuous)", () => {
    expect(Object.keys(expected.tables).length).toBeGreaterThanOrEqual(11);
    expect(Object.keys(expected.indexes).length).toBeGreaterThan(Object.keys(expected.tables).length);
    expect(expected.tables.Member?.role).toBe("Role NOT NULL");
  });

  it("on embedded PGlite", async () => {
    const { driver } = await openPGlite({ loadDataDir: await pgliteTemplate() });
    try {
      await expectMatchesSchema(driver);
    } finally {
      await driver.close();
    }
  });

  it("notices a drift in nullability, type, a missing index or a changed foreign key", async () => {
    const { driver } = await openPGlite({ loadDataDir: await pgliteTemplate() });
    try {
      await driver.exec(`
        ALTER TABLE "Member" ALTER COLUMN "displayName" SET NOT NULL;
        ALTER TABLE "Customer" ALTER COLUMN "tier" TYPE VARCHAR(20);
        DROP INDEX "Customer_workspaceId_email_idx";
        ALTER TABLE "Team" DROP CONSTRAINT "Team_directorId_fkey";
        ALTER TABLE "Team" ADD CONSTRAINT "Team_directorId_fkey" FOREIGN KEY ("directorId") REFERENCES "Member"("id") ON DELETE CASCADE;`);
      const actual = await shapeFromDatabase(driver);
      expect(actual.tables.Member?.displayName).toBe("text NOT NULL");
      expect(actual.tables.Customer?.tier).toBe("character varying(20) NULL");
      expect(actual.indexes["Customer.Customer_workspaceId_email_idx"]).toBeUndefined();
      expect(actual.foreignKeys["Team.Team_directorId_fkey"]).toContain("ON DELETE CASCADE");
      await expect(expectMatchesSchema(driver)).rejects.toThrow();
    } finally {
      await driver.close();
    }
  });

  describe.skipIf(!TEST_DATABASE_URL)(`on PostgreSQL${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`, () => {
    const logger = createLogger("silent");
    const cleanup: Array<() => Promise<void>> = [];
    afterAll(async () => {
      for (const step of cleanup.reverse()) await step();
    });

    it("after migrating an empty database", async () => {
      const scratch = await createScratchDatabase();
      cleanup.push(() => scratch.drop());
      const { driver } = openPgPool(scratch.url, logger);
      cleanup.push(() => driver.close());
      await migrate(driver, logger);
      await expectMatchesSchema(driver);
    });
  });
});

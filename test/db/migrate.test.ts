import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MigrationError, migrate } from "../../src/db/migrate.js";
import { checksumOf, type MigrationFile, readMigrationFiles } from "../../src/db/migration-files.js";
import { openPgPool } from "../../src/db/pg-driver.js";
import { openPGlite } from "../../src/db/pglite-driver.js";
import type { SqlDriver } from "../../src/db/sql-driver.js";
import { createLogger } from "../../src/logging/logger.js";
import {
  createScratchDatabase,
  POSTGRES_SKIP_REASON,
  type ScratchDatabase,
  TEST_DATABASE_URL,
} from "../support/test-database.js";

const logger = createLogger("silent");

interface HistoryRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  logs: string | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

const history = (driver: SqlDriver) =>
  driver.query<HistoryRow>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`);

describe("applying migrations as prisma migrate deploy does (fresh PGlite)", () => {
  let driver: SqlDriver;
  let files: MigrationFile[];

  beforeAll(async () => {
    ({ driver } = await openPGlite({}));
    files = await readMigrationFiles();
  });
  afterAll(() => driver.close());

  it("applies every migration once and records it in _prisma_migrations with its SHA-256 checksum", async () => {
    const report = await migrate(driver, logger, files);
    expect(report.applied).toEqual(files.map((f) => f.name));
    const rows = await history(driver);
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(checksumOf(files[i]?.script ?? ""));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("applies nothing the second time", async () => {
    const report = await migrate(driver, logger, files);
    expect(report).toEqual({ applied: [], alreadyApplied: files.length });
    expect(await history(driver)).toHaveLength(files.length);
  });

  it("accepts a file whose line endings git turned into CRLF", async () => {
    const crlf = files.map((f) => ({ ...f, script: f.script.replace(/\n/g, "\r\n") }));
    await expect(migrate(driver, logger, crlf)).resolves.toMatchObject({ applied: [] });
  });

  it("refuses to go on when an applied migration's file was changed, naming the file", async () => {
    const [first, ...rest] = files;
    if (!first) throw new Error("no migrations");
    const edited = [{ ...first, script: `${first.script}\nALTER TABLE "Team" ADD COLUMN "color" TEXT;\n` }, ...rest];
    const attempt = migrate(driver, logger, edited);
    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(attempt).rejects.toThrow(`prisma/migrations/${first.name}/migration.sql changed after being applied`);
    const columns = await driver.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'Team' AND column_name = 'color'`,
    );
    expect(columns).toHaveLength(0);
  });

  it("records a failing migration with its error, rolls its statements back and refuses to start until it is resolved", async () => {
    const broken: MigrationFile = {
      name: "29991231000000_broken",
      script: `CREATE TABLE "Half" ("id" INTEGER);\nALTER TABLE "Nope" ADD COLUMN "x" INTEGER;\n`,
      checksum: "",
    };
    broken.checksum = checksumOf(broken.script);
    await expect(migrate(driver, logger, [...files, broken])).rejects.toThrow(/29991231000000_broken failed: .*"Nope"/);
    const row = (await history(driver)).find((r) => r.migration_name === broken.name);
    expect(row?.finished_at).toBeNull();
    expect(row?.logs).toMatch(/Nope/);
    expect(await driver.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).toHaveLength(0);
    await expect(migrate(driver, logger, [...files, broken])).rejects.toThrow(/started but did not finish/);
  });
});

describe.skipIf(!TEST_DATABASE_URL)(
  `several instances migrating one PostgreSQL at once${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    let scratch: ScratchDatabase;
    beforeAll(async () => {
      scratch = await createScratchDatabase();
    });
    afterAll(() => scratch.drop());

    it("apply each migration exactly once", async () => {
      const files = await readMigrationFiles();
      const drivers = Array.from({ length: 5 }, () => openPgPool(scratch.url, logger).driver);
      try {
        const reports = await Promise.all(drivers.map((driver) => migrate(driver, logger, files)));
        const applied = reports.flatMap((r) => r.applied);
        expect(applied.sort()).toEqual(files.map((f) => f.name).sort());
        const rows = await history(drivers[0] as SqlDriver);
        expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
        expect(rows.every((r) => r.finished_at !== null)).toBe(true);
      } finally {
        await Promise.all(drivers.map((d) => d.close()));
      }
    });
  },
);

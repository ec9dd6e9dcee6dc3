import { randomUUID } from "node:crypto";
import type { Logger } from "../logging/logger.js";
import { type MigrationFile, readMigrationFiles, scriptMatchesChecksum } from "./migration-files.js";
import type { SqlDriver, SqlSession } from "./sql-driver.js";

// The advisory lock key `prisma migrate deploy` takes, so Rapport instances and
// the Prisma CLI never apply migrations at the same time.
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

// The history table exactly as Prisma's migration engine creates it on PostgreSQL.
const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

export class MigrationError extends Error {
  override name = "MigrationError";
}

interface HistoryRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  logs: string | null;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/** Applies pending migrations once, even when several instances start together. */
export async function migrate(sql: SqlDriver, logger: Logger, files?: MigrationFile[]): Promise<MigrationReport> {
  const migrations = files ?? (await readMigrationFiles());
  return sql.withSession(async (session) => {
    await session.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    try {
      await session.exec(CREATE_HISTORY_TABLE);
      const history = await readHistory(session);
      checkHistory(history, migrations);
      const done = new Set(history.map((row) => row.migration_name));
      const pending = migrations.filter((m) => !done.has(m.name));
      for (const migration of pending) {
        await applyOne(session, migration);
        logger.info({ migration: migration.name }, "applied database migration");
      }
      return { applied: pending.map((m) => m.name), alreadyApplied: done.size };
    } finally {
      await session.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    }
  });
}

/** Names of migrations in `files` not yet recorded as finished. */
export async function pendingMigrations(sql: SqlDriver, files: MigrationFile[]): Promise<string[]> {
  const rows = await sql.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Set(rows.map((r) => r.migration_name));
  return files.filter((f) => !done.has(f.name)).map((f) => f.name);
}

async function readHistory(session: SqlSession): Promise<HistoryRow[]> {
  return session.query<HistoryRow>(
    `SELECT id, migration_name, checksum, finished_at, logs FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
}

function checkHistory(history: HistoryRow[], migrations: MigrationFile[]): void {
  const failed = history.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `The migration ${failed.migration_name} started but did not finish${failed.logs ? `: ${failed.logs}` : ""}.\n` +
        `Repair the database by hand, then mark it with \`prisma migrate resolve --applied ${failed.migration_name}\` ` +
        `(or --rolled-back) before starting Rapport again.`,
    );
  }
  const byName = new Map(migrations.map((m) => [m.name, m]));
  const changed = history.filter((row) => {
    const file = byName.get(row.migration_name);
    return file !== undefined && !scriptMatchesChecksum(file.script, row.checksum);
  });
  if (changed.length > 0) {
    throw new MigrationError(
      `The migration file${changed.length > 1 ? "s" : ""} ${changed.map((r) => `prisma/migrations/${r.migration_name}/migration.sql`).join(", ")} ` +
        `changed after being applied to this database.\n` +
        `Restore the original file and put the change in a new migration folder instead.`,
    );
  }
}

async function applyOne(session: SqlSession, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await session.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    // A multi-statement script runs as one implicit transaction: it applies whole or not at all.
    await session.exec(migration.script);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await session.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
    throw new MigrationError(`The migration ${migration.name} failed: ${message}`);
  }
  await session.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
    id,
  ]);
}

import { pendingMigrations } from "./migrate.js";
import type { MigrationFile } from "./migration-files.js";
import type { SqlDriver } from "./sql-driver.js";

/** Ready means the database answers and every migration this build ships is applied. */
export function createReadinessCheck(sql: SqlDriver, files: MigrationFile[], timeoutMs = 2_000) {
  return async () => {
    try {
      const pending = await Promise.race([
        pendingMigrations(sql, files),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), timeoutMs).unref()),
      ]);
      return { ready: pending.length === 0, database: "reachable" as const, pendingMigrations: pending };
    } catch {
      return { ready: false, database: "unreachable" as const, pendingMigrations: [] };
    }
  };
}

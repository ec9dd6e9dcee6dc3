import { PGlite } from "@electric-sql/pglite";
import type { SqlDriver } from "./sql-driver.js";

export interface PGliteOptions {
  /** Folder for the data files; in memory when absent. */
  dataDir?: string;
  /** A data folder dumped with `dumpDataDir`, loaded instead of running initdb (tests). */
  loadDataDir?: Blob;
}

export async function openPGlite(options: PGliteOptions): Promise<{ pglite: PGlite; driver: SqlDriver }> {
  const pglite = await PGlite.create(options.dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  const session = {
    async exec(sql: string) {
      await pglite.exec(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await pglite.query<Row>(sql, params)).rows;
    },
  };
  // PGlite is one connection in this process: every session is that connection.
  const driver: SqlDriver = {
    ...session,
    withSession: (work) => work(session),
    close: () => pglite.close(),
  };
  return { pglite, driver };
}

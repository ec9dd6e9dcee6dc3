import pg from "pg";
import type { Logger } from "../logging/logger.js";
import type { SqlDriver, SqlSession } from "./sql-driver.js";

export function openPgPool(url: string, logger: Logger): { pool: pg.Pool; driver: SqlDriver } {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by the server must not crash the process; the pool reconnects.
  pool.on("error", (error) => logger.warn({ err: error }, "database connection lost"));
  const onClient = (client: pg.PoolClient | pg.Pool): SqlSession => ({
    async exec(sql) {
      await client.query(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as Row[];
    },
  });
  const driver: SqlDriver = {
    ...onClient(pool),
    async withSession(work) {
      const client = await pool.connect();
      try {
        return await work(onClient(client));
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  return { pool, driver };
}

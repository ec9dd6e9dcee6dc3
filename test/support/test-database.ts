import { randomBytes } from "node:crypto";
import pg from "pg";

// PostgreSQL for tests: each test file gets a database of its own on the
// server named by TEST_DATABASE_URL, dropped afterwards.

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const POSTGRES_SKIP_REASON =
  "TEST_DATABASE_URL is not set: PostgreSQL tests skipped (set it, e.g. postgresql://postgres@127.0.0.1:5432/test)";

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createScratchDatabase(adminUrl = TEST_DATABASE_URL): Promise<ScratchDatabase> {
  if (!adminUrl) throw new Error(POSTGRES_SKIP_REASON);
  const name = `rapport_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../src/db/migrate.js";
import { openPGlite } from "../src/db/pglite-driver.js";
import { createLogger } from "../src/logging/logger.js";

// One migrated PGlite per test run, dumped to a file that every test loads a copy of.
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), "rapport-template-"));
  const { pglite, driver } = await openPGlite({});
  await migrate(driver, createLogger("silent"));
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const file = path.join(dir, "template.tar");
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplatePath", file);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

// The embedded database's own thread: PGlite (Postgres compiled to WebAssembly) and its Prisma
// adapter run here, so a long query (the hourly retention pass, an export) never holds up the main
// thread, where Slack's requests are acknowledged. The main thread sends each call as a message
// (src/db/pglite-thread.ts); replies carry the result or the error's fields.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

const pglite = await PGlite.create(
  workerData.dataDir,
  workerData.loadDataDir ? { loadDataDir: workerData.loadDataDir } : {},
);
const adapter = await new PrismaPGlite(pglite).connect();
const transactions = new Map();
let nextTransaction = 1;

/** An error as plain fields: a driver adapter error keeps its mapped cause, a database error its code. */
function describe(error) {
  const { name, message, code, detail, cause } = error ?? {};
  return {
    name: typeof name === "string" ? name : "Error",
    message: typeof message === "string" ? message : String(error),
    code,
    detail,
    cause: name === "DriverAdapterError" ? cause : undefined,
  };
}

const queryable = (tx) => {
  if (tx === undefined) return adapter;
  const found = transactions.get(tx);
  if (!found) throw new Error(`transaction ${tx} is over`);
  return found;
};

const operations = {
  query: async ({ sql, params }) => (await pglite.query(sql, params ?? [])).rows,
  exec: async ({ sql }) => {
    await pglite.exec(sql);
  },
  queryRaw: ({ tx, query }) => queryable(tx).queryRaw(query),
  executeRaw: ({ tx, query }) => queryable(tx).executeRaw(query),
  executeScript: ({ script }) => adapter.executeScript(script),
  begin: async ({ isolationLevel }) => {
    const transaction = await adapter.startTransaction(isolationLevel);
    const id = nextTransaction++;
    transactions.set(id, transaction);
    return { id, options: transaction.options };
  },
  commit: async ({ tx }) => {
    const transaction = queryable(tx);
    transactions.delete(tx);
    await transaction.commit();
  },
  rollback: async ({ tx }) => {
    const transaction = queryable(tx);
    transactions.delete(tx);
    await transaction.rollback();
  },
  dump: () => pglite.dumpDataDir("none"),
  close: async () => {
    await pglite.close();
    parentPort.close();
  },
};

parentPort.on("message", async ({ id, op, ...args }) => {
  try {
    const result = await operations[op](args);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: describe(error) });
  }
});
parentPort.postMessage({ ready: true });

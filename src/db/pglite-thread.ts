import { Worker } from "node:worker_threads";
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from "@prisma/driver-adapter-utils";
import type { PGliteOptions } from "./pglite-driver.js";
import type { SqlDriver } from "./sql-driver.js";

interface WorkerError {
  name: string;
  message: string;
  code?: unknown;
  detail?: unknown;
  cause?: ConstructorParameters<typeof DriverAdapterError>[0];
}

type Reply = { id: number; result?: unknown; error?: WorkerError } | { ready: true };

function rebuild(error: WorkerError): Error {
  if (error.name === "DriverAdapterError" && error.cause) return new DriverAdapterError(error.cause);
  return Object.assign(new Error(error.message), { name: error.name, code: error.code, detail: error.detail });
}

const ADAPTER_INFO = { provider: "postgres", adapterName: "@prisma/adapter-pglite" } as const;

/**
 * PGlite on a worker thread of its own (src/db/pglite-worker.mjs): Prisma's adapter and the raw
 * driver the migrations use, both as thin proxies that post each call to it.
 */
export async function openPGliteThread(
  options: PGliteOptions,
): Promise<{ adapter: SqlDriverAdapterFactory; driver: SqlDriver; dump(): Promise<Blob> }> {
  const worker = new Worker(new URL("./pglite-worker.mjs", import.meta.url), {
    workerData: { dataDir: options.dataDir, loadDataDir: options.loadDataDir },
  });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let next = 1;
  let failed: Error | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    worker.on("message", (reply: Reply) => {
      if ("ready" in reply) return resolve();
      const call = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (reply.error) call?.reject(rebuild(reply.error));
      else call?.resolve(reply.result);
    });
    const fail = (error: Error) => {
      failed = error;
      reject(error);
      for (const call of waiting.values()) call.reject(error);
      waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the database thread exited (${code})`)));
  });
  await ready;

  function call<T>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    if (failed) return Promise.reject(failed);
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, op, ...args });
    });
  }

  const queryable = (tx?: number) => ({
    ...ADAPTER_INFO,
    queryRaw: (query: SqlQuery) => call<SqlResultSet>("queryRaw", { tx, query }),
    executeRaw: (query: SqlQuery) => call<number>("executeRaw", { tx, query }),
  });

  const adapter: SqlDriverAdapter = {
    ...queryable(),
    executeScript: (script) => call<void>("executeScript", { script }),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      const { id, options } = await call<{ id: number; options: TransactionOptions }>("begin", { isolationLevel });
      return {
        ...queryable(id),
        options,
        commit: () => call<void>("commit", { tx: id }),
        rollback: () => call<void>("rollback", { tx: id }),
      };
    },
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };

  let closing: Promise<void> | undefined;
  const driver: SqlDriver = {
    exec: (sql) => call<void>("exec", { sql }),
    query: <Row>(sql: string, params: unknown[] = []) => call<Row[]>("query", { sql, params }),
    // One connection in the thread: every session is that connection.
    withSession: (work) => work(driver),
    close() {
      closing ??= call<void>("close")
        .catch(() => {})
        .then(() => worker.terminate())
        .then(() => {});
      return closing;
    },
  };
  return {
    adapter: { ...ADAPTER_INFO, connect: async () => adapter },
    driver,
    dump: () => call<Blob>("dump"),
  };
}

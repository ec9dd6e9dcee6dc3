import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * Every SQL statement Prisma sends, counted below the client (BEGIN and COMMIT
 * included), so a test can hold a request to a statement budget whatever the
 * query builder does.
 */
export interface StatementCounter {
  readonly count: number;
  /** The statements since the last reset, oldest first (the last 200). */
  readonly recent: readonly string[];
  reset(): void;
}

const KEPT = 200;

export function createStatementCounter(): StatementCounter & { record(sql: string): void } {
  let count = 0;
  let recent: string[] = [];
  return {
    get count() {
      return count;
    },
    get recent() {
      return recent;
    },
    reset() {
      count = 0;
      recent = [];
    },
    record(sql) {
      count += 1;
      recent.push(sql);
      if (recent.length > KEPT) recent.shift();
    },
  };
}

function countQueries<T extends SqlQueryable>(target: T, record: (sql: string) => void): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (property === "queryRaw" || property === "executeRaw")
        return (query: SqlQuery) => {
          record(query.sql);
          return (value as (q: SqlQuery) => unknown).call(object, query);
        };
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}

function countTransaction(tx: Transaction, record: (sql: string) => void): Transaction {
  const counted = countQueries(tx, record);
  return new Proxy(counted, {
    get(object, property, receiver) {
      if (property === "commit" || property === "rollback")
        return () => {
          record(property.toUpperCase());
          return tx[property]();
        };
      return Reflect.get(object, property, receiver);
    },
  });
}

/** The factory Prisma is given: the same adapter, its statements counted. */
export function countingAdapter(
  factory: SqlDriverAdapterFactory,
  counter: { record(sql: string): void },
): SqlDriverAdapterFactory {
  const record = (sql: string) => counter.record(sql);
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const counted = countQueries(adapter, record);
    return new Proxy(counted, {
      get(object, property, receiver) {
        if (property === "startTransaction")
          return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) => {
            record("BEGIN");
            return countTransaction(await adapter.startTransaction(...args), record);
          };
        return Reflect.get(object, property, receiver);
      },
    });
  };
  return new Proxy(factory, {
    get(object, property, receiver) {
      if (property === "connect") return async () => wrap(await object.connect());
      const value = Reflect.get(object, property, receiver);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}

import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

// Prisma's query interpreter may send two statements of one transaction at once (the parts of a
// nested write); a transaction is one pg connection, and pg deprecates a query sent to a client
// still running one (an error in pg 9). Each transaction's statements go one after the other.

function oneAtATime(tx: Transaction): Transaction {
  let tail: Promise<unknown> = Promise.resolve();
  const queue = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work);
    tail = run.catch(() => {});
    return run;
  };
  return new Proxy(tx, {
    get(object, property, receiver) {
      if (property === "queryRaw") return (query: SqlQuery) => queue(() => object.queryRaw(query));
      if (property === "executeRaw") return (query: SqlQuery) => queue(() => object.executeRaw(query));
      if (property === "commit" || property === "rollback") return () => queue(() => object[property]());
      const value = Reflect.get(object, property, receiver);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}

export function serialTransactions(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter =>
    new Proxy(adapter, {
      get(object, property, receiver) {
        if (property === "startTransaction")
          return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) =>
            oneAtATime(await object.startTransaction(...args));
        const value = Reflect.get(object, property, receiver);
        return typeof value === "function" ? value.bind(object) : value;
      },
    });
  return new Proxy(factory, {
    get(object, property, receiver) {
      if (property === "connect") return async () => wrap(await object.connect());
      const value = Reflect.get(object, property, receiver);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}

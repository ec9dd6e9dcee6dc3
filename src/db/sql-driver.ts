/** Raw SQL access below Prisma: used only to apply migrations and to check readiness. */
export interface SqlSession {
  /** Runs a script of one or more statements (simple query protocol). */
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface SqlDriver extends SqlSession {
  /** Runs `work` on one dedicated connection, so session-level locks hold across its statements. */
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

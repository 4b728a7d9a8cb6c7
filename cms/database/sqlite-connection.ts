/** What knex uses of a better-sqlite3 statement. */
interface Statement {
  readonly reader: boolean;
  all(bindings: unknown[]): unknown;
  run(bindings: unknown[]): unknown;
}

/** The part of a better-sqlite3 connection that the settings below touch. */
interface SqliteConnection {
  pragma(statement: string): unknown;
  prepare(sql: string): Statement;
}

/**
 * How many prepared statements a connection keeps. The queries of a running CMS are a few hundred
 * distinct texts (values are bound, not inlined); the bound keeps texts that vary with a list's
 * length (`in (?, ?, …)`) from growing the cache without end.
 */
const STATEMENTS_KEPT = 1_000;

/** A query whose row count is its last parameter, as knex writes every `findOne`. */
const BOUND_LIMIT = / limit \?$/;

/**
 * Keeps the connection's prepared statements and hands the same one back for the same SQL. knex
 * prepares every query again (about a tenth of the CPU of a sign-in at ID went to compiling the
 * same few dozen statements); better-sqlite3 statements are reusable, and knex runs each one to
 * completion synchronously right after preparing it, so two queries never share one mid-step.
 * SQLite re-prepares a kept statement by itself when the schema changes.
 */
const keptStatements = (prepare: (sql: string) => Statement) => {
  const kept = new Map<string, Statement>();
  return (sql: string) => {
    const statement = kept.get(sql) ?? prepare(sql);
    // Least recently used first: a hit moves to the end, the first entry is the one evicted.
    kept.delete(sql);
    kept.set(sql, statement);
    if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value as string);
    return statement;
  };
};

/**
 * A statement that writes a bound `limit ?` into its text before it runs. SQLite (built with
 * STAT4, as better-sqlite3 is) compiles a statement with a bound LIMIT again at each run, which
 * made a kept `findOne` cost nearly as much as a fresh one (18 µs against 4 µs here).
 */
const withLimitWritten = (sql: string, kept: (sql: string) => Statement): Statement => {
  const written = (bindings: unknown[]) => {
    const limit = bindings[bindings.length - 1];
    return Number.isSafeInteger(limit)
      ? {
          statement: kept(sql.replace(BOUND_LIMIT, ` limit ${limit}`)),
          values: bindings.slice(0, -1),
        }
      : { statement: kept(sql), values: bindings };
  };
  return {
    reader: kept(sql).reader,
    all(bindings) {
      const { statement, values } = written(bindings);
      return statement.all(values);
    },
    run(bindings) {
      const { statement, values } = written(bindings);
      return statement.run(values);
    },
  };
};

const keepPreparedStatements = (connection: SqliteConnection) => {
  const kept = keptStatements(connection.prepare.bind(connection));
  connection.prepare = (sql: string) =>
    BOUND_LIMIT.test(sql) ? withLimitWritten(sql, kept) : kept(sql);
};

/**
 * Settings of each new SQLite connection (knex's pool `afterCreate`). Write-ahead logging: a
 * commit appends to the log instead of rewriting pages with an fsync each, which better-sqlite3
 * would otherwise wait for on the event loop.
 */
export const setUpSqliteConnection = (
  connection: unknown,
  done: (error?: Error, connection?: unknown) => void
) => {
  const sqlite = connection as SqliteConnection;
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  keepPreparedStatements(sqlite);
  done(undefined, connection);
};

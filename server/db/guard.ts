import type {
  DatabaseConnection,
  Dialect,
  Driver,
  Kysely,
  QueryCompiler,
  Transaction,
  TransactionSettings,
} from 'kysely';

/** The part of Node's AsyncLocalStorage the guard needs; the browser has no equivalent. */
export interface TransactionScope {
  getStore(): true | undefined;
  run<T>(store: true, fn: () => T): T;
}

// Without an installed scope the guard is off: the browser runs the API for development only,
// and every Node runtime (server, tests, the mocks under vitest) installs one.
let inTransaction: TransactionScope = { getStore: () => undefined, run: (_, fn) => fn() };

export function installTransactionGuard(scope: TransactionScope): void {
  inTransaction = scope;
}

export class RootHandleInTransactionError extends Error {
  constructor() {
    super(
      'The root database handle was used inside a transaction; pass the transaction handle instead',
    );
    this.name = 'RootHandleInTransactionError';
  }
}

/**
 * Runs `fn` in a transaction. While it runs, any query through the root handle throws instead of
 * waiting for the connection the transaction holds (a silent deadlock on PGlite, pitfall §3.2).
 */
export function transaction<DB, T>(
  db: Kysely<DB>,
  fn: (tx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  if (inTransaction.getStore()) return Promise.reject(new RootHandleInTransactionError());
  return db.transaction().execute((tx) => inTransaction.run(true, () => fn(tx)));
}

/** Wraps a dialect so that its driver refuses new connections from inside `transaction()`. */
export function guardDialect(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: (): QueryCompiler => dialect.createQueryCompiler(),
    createDriver: () => new GuardedDriver(dialect.createDriver()),
  };
}

class GuardedDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init() {
    return this.inner.init();
  }
  acquireConnection(): Promise<DatabaseConnection> {
    if (inTransaction.getStore()) return Promise.reject(new RootHandleInTransactionError());
    return this.inner.acquireConnection();
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection);
  }
  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection(connection);
  }
  destroy() {
    return this.inner.destroy();
  }
}

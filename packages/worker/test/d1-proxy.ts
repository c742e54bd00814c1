/**
 * A D1 binding that sees what the Worker sends to the real one: each statement prepared and each
 * round trip (a statement's `first`/`all`/`run`/`raw`, a `batch`, an `exec`) with the statements
 * it sends, which it carries out through `roundTrip`. countingD1 counts with it; faultyD1 fails
 * chosen round trips.
 */

export interface D1Observer {
  /** A statement was prepared. */
  prepared?(query: string): void;
  /**
   * One round trip of `statements` statements: `send` carries it out. A statement prepared but
   * never sent (e.g. one whose SQL is only read, store/cache-versions.ts `withVersions`) is in none.
   */
  roundTrip<T>(send: () => Promise<T>, statements: number): Promise<T>;
}

const ROUND_TRIPS = new Set(['first', 'all', 'run', 'raw']);

/** The statements of an `exec`, which D1 takes one a line. */
const execStatements = (query: string): number => query.split('\n').filter((line) => line.trim() !== '').length;

/**
 * Wraps `d1`, reporting to `observer`.
 *
 * @example
 * let trips = 0;
 * const db = observedD1(env.DB, { roundTrip: (send) => (trips++, send()) });
 */
export function observedD1(d1: D1Database, observer: D1Observer): D1Database {
  const wrapStatement = (stmt: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(stmt, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        if (prop === 'bind') return (...args: unknown[]) => wrapStatement(value.apply(target, args));
        if (ROUND_TRIPS.has(String(prop))) return (...args: unknown[]) => observer.roundTrip(() => value.apply(target, args), 1);
        return value.bind(target);
      },
    });

  return new Proxy(d1, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'prepare') {
        return (query: string) => {
          observer.prepared?.(query);
          return wrapStatement(target.prepare(query));
        };
      }
      if (prop === 'batch')
        return (statements: D1PreparedStatement[]) => observer.roundTrip(() => target.batch(statements), statements.length);
      if (prop === 'exec') return (query: string) => observer.roundTrip(() => target.exec(query), execStatements(query));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

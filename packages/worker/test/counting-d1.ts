/** A D1 binding that counts what the Worker sends to the real one (query-budget.test.ts, archive.test.ts). */
export function countingD1(d1: D1Database) {
  const counts = { statements: 0, roundTrips: 0 };
  const wrapStatement = (stmt: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(stmt, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        if (prop === 'bind') return (...args: unknown[]) => wrapStatement(value.apply(target, args));
        if (['first', 'all', 'run', 'raw'].includes(String(prop))) {
          return (...args: unknown[]) => {
            counts.roundTrips++;
            return value.apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
  const db = new Proxy(d1, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'prepare') {
        return (query: string) => {
          counts.statements++;
          return wrapStatement(target.prepare(query));
        };
      }
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          counts.roundTrips++;
          // Unwrap: the real batch wants the runtime's own statement objects.
          return target.batch(statements);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db, counts };
}

/**
 * A D1 binding that counts what the Worker sends to the real one (query-budget.test.ts,
 * archive.test.ts): the statements D1 receives, and the round trips they go in.
 */
import { observedD1 } from './d1-proxy.ts';

export function countingD1(d1: D1Database) {
  const counts = { statements: 0, roundTrips: 0 };
  const db = observedD1(d1, {
    roundTrip: (send, statements) => {
      counts.roundTrips++;
      counts.statements += statements;
      return send();
    },
  });
  return { db, counts };
}

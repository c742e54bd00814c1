/**
 * Every request body and query the API validates is tied, at compile time, to the SDK type
 * callers build it with (`requestType` / `requestTypeWithin` in src/schemas/contract.ts). The
 * type check proves each tie; this test proves no route's request schema was left without one —
 * a new route with a body or a query fails here until its schema is tied to an SDK type.
 */
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { tiedRequestSchemas } from '../src/schemas/contract.ts';

/** Requests the SDK never builds, each with the reason. */
const NOT_BUILT_BY_THE_SDK: Record<string, string> = {
  // The live-updates WebSocket: the SDK's `threads.liveTicket` answers this URL whole, ticket included.
  'GET /v1/live query': 'the URL comes from the server',
};

interface RequestSchemas {
  operation: string;
  body: unknown;
  query: unknown;
}

function routeRequests(): RequestSchemas[] {
  return app.openAPIRegistry.definitions.flatMap((definition) => {
    if (definition.type !== 'route') return [];
    const { method, path, request } = definition.route;
    const json = request?.body?.content['application/json'];
    return [
      {
        operation: `${method.toUpperCase()} ${path}`,
        body: json && 'schema' in json ? json.schema : undefined,
        query: request?.query,
      },
    ];
  });
}

describe('request types', () => {
  it('ties the request body and query schema of every route to an SDK type', () => {
    const requests = routeRequests();
    const untied: string[] = [];
    for (const { operation, body, query } of requests) {
      for (const [part, schema] of [
        ['body', body],
        ['query', query],
      ] as const) {
        const name = `${operation} ${part}`;
        if (schema === undefined || name in NOT_BUILT_BY_THE_SDK) continue;
        if (!tiedRequestSchemas.has(schema as never)) untied.push(name);
      }
    }
    expect(untied).toEqual([]);
    // The walk found the API's requests (it must not pass by finding none).
    expect(requests.filter((r) => r.body !== undefined).length).toBeGreaterThan(25);
    expect(requests.filter((r) => r.query !== undefined).length).toBeGreaterThan(10);
  });

  it('lists only exemptions that still exist', () => {
    const names = new Set(routeRequests().flatMap((r) => [`${r.operation} body`, `${r.operation} query`]));
    expect(Object.keys(NOT_BUILT_BY_THE_SDK).filter((name) => !names.has(name))).toEqual([]);
  });
});

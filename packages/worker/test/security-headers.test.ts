/**
 * The security headers every answer carries (middleware/security-headers.ts) are the set hono's
 * `secureHeaders` sends with our options — the API's, and the iframe pages' without
 * X-Frame-Options and Cross-Origin-Opener-Policy — on answers the routes make, on errors, and on
 * answers a handler or a middleware made itself (a replayed write).
 */
import { Hono } from 'hono';
import { type SecureHeadersVariables, secureHeaders } from 'hono/secure-headers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../src/env.ts';
import { answerHeaders } from '../src/middleware/answer-headers.ts';
import { call, DEMO, ORIGIN, token } from './helpers.ts';

const OPTIONS = {
  crossOriginResourcePolicy: 'cross-origin',
  crossOriginEmbedderPolicy: false,
  referrerPolicy: 'strict-origin-when-cross-origin',
} as const;

/** What hono's middleware sends with `options`. */
async function reference(options: Parameters<typeof secureHeaders>[0]): Promise<Map<string, string>> {
  const app = new Hono<{ Variables: SecureHeadersVariables }>();
  app.use('*', secureHeaders(options));
  app.get('*', (c) => c.body(null, 204));
  return new Map((await app.request('/')).headers);
}

/** Every header name a secureHeaders set may hold. */
const NAMES = [
  'cross-origin-embedder-policy',
  'cross-origin-resource-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
  'permissions-policy',
  'content-security-policy-report-only',
];

function expectSet(res: Response, expected: Map<string, string>, what: string) {
  const sent = new Map(NAMES.filter((n) => res.headers.has(n)).map((n) => [n, res.headers.get(n)]));
  const wanted = new Map(NAMES.filter((n) => expected.has(n)).map((n) => [n, expected.get(n)]));
  expect(sent, what).toEqual(wanted);
}

let api: Map<string, string>;
let frame: Map<string, string>;
let ada: string;
beforeAll(async () => {
  api = await reference(OPTIONS);
  frame = await reference({ ...OPTIONS, xFrameOptions: false, crossOriginOpenerPolicy: false });
  ada = await token({ sub: 'headers-ada', name: 'Ada Headers' });
  expect(api.get('x-content-type-options')).toBe('nosniff');
});

describe('security headers', () => {
  it('are the set secureHeaders sends, on answers and errors', async () => {
    const answers: [string, Response][] = [
      ['a read', await call(`${DEMO}/boards`)],
      ['a signed-in read', await call(`${DEMO}/threads/comments?key=headers`, { token: ada })],
      ['a refused token', await call(`${DEMO}/boards`, { token: 'not-a-token' })],
      ['no such route', await call(`${ORIGIN}/v1/nothing`)],
      ['the API description', await call(`${ORIGIN}/v1/openapi.json`)],
    ];
    for (const [what, res] of answers) expectSet(res, api, what);
    expect(answers[2]?.[1].status).toBe(401);
  });

  it('are the iframe set on the iframe pages', async () => {
    const res = await call(`${ORIGIN}/embed/idea-board?tenant=demo&board=general`);
    expect(res.status).toBe(200);
    expectSet(res, frame, 'an iframe page');
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  it('are on an answer a middleware made itself: a write replayed by its Idempotency-Key', async () => {
    const post = () =>
      call(`${DEMO}/threads/comments`, {
        method: 'POST',
        token: ada,
        headers: { 'idempotency-key': 'headers-0001' },
        body: JSON.stringify({ key: 'headers', body: 'Headers on a replay' }),
      });
    const first = await post();
    const replay = await post();
    expect([first.status, replay.status]).toEqual([201, 201]);
    expectSet(replay, api, 'a replayed write');
  });

  it('are on an answer a handler made itself, as on one made through the context', async () => {
    const app = new Hono<AppEnv>();
    app.use('*', answerHeaders);
    app.get('/own', () => new Response('made by the handler'));
    app.get('/embed/own', () => new Response('made by the handler'));
    app.get('/context', (c) => c.text('made through the context'));
    expectSet(await app.request('/own'), api, 'a handler’s own answer');
    expectSet(await app.request('/embed/own'), frame, 'a handler’s own iframe answer');
    expectSet(await app.request('/context'), api, 'an answer made through the context');
  });
});

import type { Viewer } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { call, DEMO, errorOf, json, ORIGIN } from './helpers.ts';

const mint = (body: unknown) => call(`${ORIGIN}/v1/dev/token`, { method: 'POST', body: JSON.stringify(body) });

describe('development routes (wrangler env "dev")', () => {
  it('sends / to the demo page', async () => {
    const res = await call(`${ORIGIN}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/demo/');
  });

  it('offers the demo people in the frame pages and their sign-in window', async () => {
    const frame = await (await call(`${ORIGIN}/embed/idea-board?tenant=demo&board=general`)).text();
    expect(frame).toContain('data-sign-in="available"');
    const signIn = await (await call(`${ORIGIN}/embed/sign-in?tenant=demo`)).text();
    expect(signIn).toContain('{"key":"amara","name":"Amara Okafor","businessUnit":"Finance"}');
  });

  it('lists the demo users for the user switcher', async () => {
    const { items } = await json<{ items: { key: string; name: string }[] }>(await call(`${ORIGIN}/v1/dev/users`));
    expect(items.map((u) => u.key)).toContain('amara');
    expect(JSON.stringify(items)).not.toContain('@');
  });

  it('mints a short-lived token the API accepts for that demo user', async () => {
    const res = await mint({ tenant: 'demo', user: 'priya' });
    expect(res.status).toBe(200);
    const { token, expiresAt } = await json<{ token: string; expiresAt: string }>(res);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
    const viewer = await json<Viewer>(await call(`${DEMO}/me`, { token }));
    expect(viewer.user).toEqual({
      id: 'demo|priya',
      name: 'Priya Raman',
      businessUnit: 'People & HR',
      unit: { key: 'people-hr', name: 'People & HR', side: 'demand' },
      role: 'member',
      handle: 'priya.raman',
      cio: false,
      teams: [],
    });
  });

  it('mints a token for any named person, for tests and benchmarks', async () => {
    const { token } = await json<{ token: string }>(await mint({ tenant: 'demo', sub: 'bench|1', name: 'Bench Person', bu: 'Finance' }));
    const viewer = await json<Viewer>(await call(`${DEMO}/me`, { token }));
    expect(viewer.user).toEqual({
      id: 'bench|1',
      name: 'Bench Person',
      businessUnit: 'Finance',
      unit: { key: 'finance', name: 'Finance', side: 'demand' },
      role: 'member',
      handle: null,
      cio: false,
      teams: [],
    });
  });

  it('explains an unknown demo user or a bad request', async () => {
    const unknown = await mint({ tenant: 'demo', user: 'zed' });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).message).toMatch(/pick one of amara/);
    const malformed = await call(`${ORIGIN}/v1/dev/token`, { method: 'POST', body: '{"tenant":' });
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).code).toBe('malformed_json');
    const bad = await mint({ tenant: 'demo' });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe('validation_failed');
  });
});

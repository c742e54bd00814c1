/**
 * The one error shape as clients read it: a reason with params (which the widgets translate),
 * the English message written from the reason's text, field issues with their own reasons, and
 * a request id in the body, in the `x-request-id` header of every answer, and in the Worker's
 * log when the failure is ours.
 */
import { env } from 'cloudflare:workers';
import { ERROR_CODES, type ErrorReason, type Reason } from '@bridgekit/sdk';
import { formatReason, REASON_LIST, REASONS } from '@bridgekit/sdk/reasons';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, DEMO, errorOf, json, token } from './helpers.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the reason registry', () => {
  it('starts every error reason with its error code, and every other reason with field. or held.', () => {
    for (const reason of REASON_LIST) {
      const prefix = reason.slice(0, reason.indexOf('.'));
      expect(
        (ERROR_CODES as readonly string[]).includes(prefix) || prefix === 'field' || prefix === 'held',
        `${reason} starts with neither an error code nor field. / held.`,
      ).toBe(true);
    }
  });

  it('fills every placeholder of every text from the params, plural forms by count', () => {
    for (const reason of REASON_LIST) {
      const text = REASONS[reason];
      const names = new Set([...JSON.stringify(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string));
      const params = Object.fromEntries([...names].map((name) => [name, `<${name}>`]));
      if (typeof text !== 'string') Object.assign(params, { count: 2 });
      expect(formatReason(reason as Reason, params), reason).not.toMatch(/\{\w+\}/);
    }
    expect(formatReason('held.links', { count: 1, max: 0 })).toBe('1 link (the limit is 0)');
    expect(formatReason('held.links', { count: 1200, max: 3 })).toBe('1,200 links (the limit is 3)');
  });
});

describe('errors carry a reason with params', () => {
  it('names what is missing', async () => {
    const res = await call(`${DEMO}/ideas/no-such-idea`);
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toEqual({
      code: 'not_found',
      reason: 'not_found.idea',
      params: { id: 'no-such-idea' },
      message: 'Idea "no-such-idea" was not found.',
      requestId: res.headers.get('x-request-id'),
    });
  });

  it('gives each field issue of a validation error its reason and params, from the text rules and from the schema', async () => {
    const res = await call(`${DEMO}/boards/general/ideas`, {
      method: 'POST',
      token: await token(),
      body: JSON.stringify({ title: 'ab', description: 'fine', businessCase: { problem: 'bell\u0007' } }),
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: 'validation_failed', reason: 'validation_failed.fields' });
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'body.title', reason: 'field.too_short', params: { count: 3 } }),
        expect.objectContaining({ path: 'body.businessCase.problem', reason: 'field.control_characters', params: {} }),
      ]),
    );
    // The message still lists each field in English, for people reading the raw answer.
    expect(error.message).toMatch(/body\.title: .*3 characters/);
  });

  it('says which value a field should have had', async () => {
    const res = await call(`${DEMO}/boards/general/ideas?sort=loudest`);
    const error = await errorOf(res);
    expect(error.details).toEqual([
      expect.objectContaining({ path: 'query.sort', reason: 'field.invalid_value', params: { values: expect.stringContaining('top') } }),
    ]);
  });

  it('explains a refused vote by its reason', async () => {
    const ada = await token({ sub: 'errors|ada' });
    const created = await call(`${DEMO}/boards/general/ideas`, {
      method: 'POST',
      token: ada,
      body: JSON.stringify({ title: 'Shared calendar for the project office' }),
    });
    const idea = await json<{ id: string }>(created);
    const moderator = await token({ sub: 'errors|mo', extra: { roles: ['Bridgekit.Moderator'] } });
    const merged = await call(`${DEMO}/ideas/${idea.id}/merge`, {
      method: 'POST',
      token: moderator,
      body: JSON.stringify({ into: 'demo-idea-sso' }),
    });
    expect(merged.status).toBe(200);
    const vote = await call(`${DEMO}/ideas/${idea.id}/vote`, { method: 'PUT', token: ada, redirect: 'manual' });
    expect(vote.status).toBe(409);
    expect(await errorOf(vote)).toMatchObject({
      code: 'voting_closed',
      reason: 'voting_closed.merged',
      params: { into: 'demo-idea-sso' },
    });
  });

  it('uses the reasons of the error code it answers with, and only reasons of the registry', async () => {
    const answers = [
      await call(`${DEMO}/ideas/demo-idea-sso/vote`, { method: 'PUT' }),
      await call(`${DEMO}/boards/general/ideas`, { method: 'POST', token: await token(), body: '{"title":' }),
      await call(`${DEMO}/boards/general/ideas`, {
        method: 'POST',
        token: await token(),
        body: 'x',
        headers: { 'content-type': 'text/plain' },
      }),
      await call(`${DEMO}/nothing-here`),
    ];
    const reasons = [];
    for (const res of answers) reasons.push((await errorOf(res)).reason);
    expect(reasons).toEqual(['unauthorized.sign_in', 'malformed_json.body', 'unsupported_media_type.json_only', 'not_found.route']);
    for (const reason of reasons) expect(Object.hasOwn(REASONS, reason as ErrorReason)).toBe(true);
  });
});

describe('request ids', () => {
  it('names every answer in x-request-id, errors included, and takes Cloudflare’s cf-ray when there is one', async () => {
    const ok = await call(`${DEMO}/boards`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f]{16}$/);
    const other = await call(`${DEMO}/boards`);
    expect(other.headers.get('x-request-id')).not.toBe(ok.headers.get('x-request-id'));

    const ray = await call(`${DEMO}/ideas/missing`, { headers: { 'cf-ray': '8f2c1a7b9d3e4f60-FRA' } });
    expect(ray.headers.get('x-request-id')).toBe('8f2c1a7b9d3e4f60-FRA');
    expect((await errorOf(ray)).requestId).toBe('8f2c1a7b9d3e4f60-FRA');
  });

  it('lets a page on an allowed origin read the request id of an answer', async () => {
    const res = await call(`${DEMO}/ideas/missing`, { headers: { origin: 'http://localhost:8788' } });
    expect(res.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
  });

  it('logs a failure of ours with the request id the answer shows, and tells the reader nothing else', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Break the store under one route: its query fails the way a real outage would.
    await env.DB.prepare('drop table idea_status_changes').run();
    const res = await call(`${DEMO}/ideas/demo-idea-sso/status-history`);
    expect(res.status).toBe(500);
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: 'internal_error', reason: 'internal_error.unexpected', params: {} });
    expect(error.message).not.toMatch(/idea_status_changes|SQL/i);
    expect(error.requestId).toBe(res.headers.get('x-request-id'));

    const line = logged.mock.calls.find((args) => String(args[0]).includes(error.requestId));
    expect(line, 'a log line naming the request id').toBeDefined();
    expect(String(line?.[0])).toMatch(/GET \/v1\/tenants\/demo\/ideas\/demo-idea-sso\/status-history failed with 500/);
    expect(String(line?.[1])).toMatch(/idea_status_changes/);
  });
});

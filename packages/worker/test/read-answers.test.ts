/**
 * What the reads' per-request savings (bench/profile.ts) must not change: a shared answer served
 * from its once-encoded bytes (routes/read-cache.ts `jsonAnswer`) is the answer `c.json` gave —
 * same body, same content type — and never outlives a write; a shared query built only on a miss
 * (`lazily`) still refuses a bad one every time; the admin token check tells tokens of another
 * length apart at once and still compares the rest in full.
 */
import { env } from 'cloudflare:workers';
import type { Idea, Page } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { secretsEqual } from '../src/auth/compare.ts';
import { isPlatformToken } from '../src/auth/platform.ts';
import { call, DEMO, errorOf, json, platformToken, token } from './helpers.ts';

const BOARD = `${DEMO}/boards/general/ideas?sort=new&limit=20`;
let ada: string;
let ben: string;

beforeAll(async () => {
  [ada, ben] = await Promise.all([token({ sub: 'answers-ada', name: 'Ada Answers' }), token({ sub: 'answers-ben', name: 'Ben Answers' })]);
});

const get = (url: string, t?: string) => call(url, t ? { token: t } : {});

describe('cached answers as bytes', () => {
  it('answer a repeated read with the same JSON body and content type, for readers with and without state of their own', async () => {
    for (const t of [undefined, ada]) {
      const first = await get(BOARD, t);
      const second = await get(BOARD, t);
      expect(first.status).toBe(200);
      expect(second.status).toBe(200);
      expect(second.headers.get('content-type')).toBe('application/json');
      const [a, b] = [await first.text(), await second.text()];
      expect(b).toBe(a);
      expect((JSON.parse(b) as Page<Idea>).items.length).toBeGreaterThan(0);
    }
  });

  it('never serve the bytes of an answer a write has changed', async () => {
    const created = await call(`${DEMO}/boards/general/ideas`, {
      method: 'POST',
      token: ada,
      body: JSON.stringify({ title: 'Answers as bytes: a shared room booking' }),
    });
    expect(created.status).toBe(201);
    const idea = await json<Idea>(created);
    const votes = async () => (await json<Page<Idea>>(await get(BOARD))).items.find((i) => i.id === idea.id)?.votes;
    const before = await votes();
    expect(before).toBeTypeOf('number');
    // Served twice from the cache: the encoded bytes are the ones now kept.
    expect(await votes()).toBe(before);
    expect((await call(`${DEMO}/ideas/${idea.id}/vote`, { method: 'PUT', token: ben })).status).toBe(200);
    expect(await votes()).toBe((before ?? 0) + 1);
  });

  it('serve a thread page twice alike, with the content type c.json gives', async () => {
    const key = 'answers-thread';
    const posted = await call(`${DEMO}/threads/comments`, { method: 'POST', token: ada, body: JSON.stringify({ key, body: 'First!' }) });
    expect(posted.status).toBe(201);
    const url = `${DEMO}/threads/comments?key=${key}`;
    const [a, b] = [await get(url), await get(url)];
    expect(a.headers.get('content-type')).toBe('application/json');
    expect(await b.text()).toBe(await a.text());
  });
});

describe('shared queries built on a miss only', () => {
  it('refuse a card search sorted by relevance without words, the second time too', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await get(`${DEMO}/cards?sort=relevance`, ada);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).reason).toBe('validation_failed.relevance_without_q');
    }
  });
});

describe('the admin token check', () => {
  it('compares secrets of the same length in full, and tells other lengths apart', () => {
    expect(secretsEqual('a'.repeat(40), 'a'.repeat(40))).toBe(true);
    expect(secretsEqual(`${'a'.repeat(39)}b`, 'a'.repeat(40))).toBe(false);
    expect(secretsEqual(`b${'a'.repeat(39)}`, 'a'.repeat(40))).toBe(false);
    expect(secretsEqual('a'.repeat(41), 'a'.repeat(40))).toBe(false);
    // Same UTF-16 length, other UTF-8 bytes.
    expect(secretsEqual('é', 'e')).toBe(false);
  });

  it('accepts the platform token and refuses an embed token', async () => {
    expect(isPlatformToken(platformToken(), env)).toBe(true);
    expect(isPlatformToken(`${platformToken()}x`, env)).toBe(false);
    expect(isPlatformToken(await token({ sub: 'answers-x', name: 'X' }), env)).toBe(false);
  });
});

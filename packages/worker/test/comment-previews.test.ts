/** The composer's preview: the same HTML as posting, nothing written, the same limits, signed in, per tenant. */

import { env } from 'cloudflare:workers';
import type { Comment, CommentPreview } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_MARKDOWN, WELL_FORMED_MARKDOWN } from './fixtures/hostile-markdown.ts';
import { violations } from './fixtures/html-allow-list.ts';
import { call, DEMO, errorOf, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const LIMIT = 10_000;
const WITHIN_LIMIT = HOSTILE_MARKDOWN.filter((entry) => entry.source.length <= LIMIT);
const OVERSIZE = HOSTILE_MARKDOWN.filter((entry) => entry.source.length > LIMIT);

const preview = (body: unknown, t?: string, tenant = DEMO) =>
  call(`${tenant}/comment-previews`, { method: 'POST', ...(t ? { token: t } : {}), body: JSON.stringify({ body }) });
const post = (key: string, body: string, t: string) =>
  call(`${DEMO}/threads/comments`, { method: 'POST', token: t, body: JSON.stringify({ key, body }) });
const commentRows = async () => (await env.DB.prepare('select count(*) as n from comments').first<{ n: number }>())?.n ?? -1;

describe('comment previews', () => {
  const people: string[] = [];
  beforeAll(async () => {
    // Previews and posts both count as writes (60 a minute a person): several people share the corpus.
    for (let i = 0; i < 8; i++) people.push(await token({ sub: `preview-${i}`, name: `Preview ${i}` }));
  });

  it('renders a text exactly as posting it does, mentions and links included, and writes nothing', async () => {
    const body = 'Thanks @amara.okafor and @nobody-here — see **the case**: https://intranet.contoso.example/cases/42\n\n- one\n- two';
    const before = await commentRows();
    const res = await preview(body, people[0]);
    expect(res.status).toBe(200);
    const { html } = await json<CommentPreview>(res);
    expect(html).toContain('<span class="bk-mention" data-handle="amara.okafor">@amara.okafor</span>');
    expect(html).not.toContain('data-handle="nobody-here"');
    expect(html).toContain('<strong>the case</strong>');
    expect(await commentRows()).toBe(before);

    const posted = await post('preview-same', body, people[0] as string);
    expect(posted.status).toBe(201);
    expect((await json<Comment>(posted)).html).toBe(html);
  });

  it('matches the posted HTML for every ordinary source', async () => {
    for (const [index, entry] of WELL_FORMED_MARKDOWN.entries()) {
      const author = people[index % people.length] as string;
      const { html } = await json<CommentPreview>(await preview(entry.source, author));
      const posted = await post('preview-well-formed', entry.source, author);
      expect(posted.status, entry.name).toBe(201);
      expect(html, entry.name).toBe((await json<Comment>(posted)).html);
    }
  });

  it(`keeps each of ${WITHIN_LIMIT.length} hostile sources inside the allow-list, as posting does`, async () => {
    const failures: string[] = [];
    for (const [index, entry] of WITHIN_LIMIT.entries()) {
      const author = people[index % people.length] as string;
      const res = await preview(entry.source, author);
      if (res.status === 200) {
        const { html } = await json<CommentPreview>(res);
        for (const problem of violations(html)) failures.push(`${entry.name}: ${problem}`);
        const posted = await post('preview-hostile', entry.source, author);
        // Moderation may hold or refuse a posted comment; its HTML, when there is one, is the preview's.
        if (posted.status === 201 && (await json<Comment>(posted)).html !== html) failures.push(`${entry.name}: differs from posted`);
      } else if (res.status === 400) {
        expect((await errorOf(res)).code).toBe('validation_failed');
      } else {
        failures.push(`${entry.name}: status ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses what posting refuses: too long, oversize, blank, no body', async () => {
    const long = await preview('x'.repeat(LIMIT + 1), people[1]);
    expect(long.status).toBe(400);
    const error = await errorOf(long);
    expect(error.code).toBe('validation_failed');
    expect(JSON.stringify(error)).toMatch(/10,?000/);

    expect((await preview('x'.repeat(LIMIT), people[1])).status).toBe(200);

    for (const entry of OVERSIZE) {
      const res = await preview(entry.source, people[1]);
      expect(res.status).toBe(413);
      expect((await errorOf(res)).code).toBe('payload_too_large');
    }

    for (const blank of ['', '   \n\t ']) {
      const res = await preview(blank, people[1]);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe('validation_failed');
    }
    const wrongShape = await call(`${DEMO}/comment-previews`, { method: 'POST', token: people[1], body: JSON.stringify({ text: 'Hi' }) });
    expect(wrongShape.status).toBe(400);
  });

  it('is for signed-in people only', async () => {
    const anonymous = await preview('Hello');
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe('unauthorized');
  });

  it("renders mentions of the caller's own tenant only", async () => {
    await seedOtherTenant();
    const other = await token({ secret: 'other-tenant-secret-0123456789abcdef', kid: 'k1', sub: 'fab|1' });
    const res = await preview('Hi @amara.okafor', other, `${ORIGIN}/v1/tenants/other`);
    expect(res.status).toBe(200);
    expect((await json<CommentPreview>(res)).html).toBe('<p>Hi @amara.okafor</p>');
    // And the demo tenant's token does not work there.
    expect((await preview('Hi', people[2], `${ORIGIN}/v1/tenants/other`)).status).toBe(401);
  });

  it('counts against the write rate limit like posting', async () => {
    const hasty = await token({ sub: 'preview-hasty' });
    let status = 0;
    // The limiter's window is aligned to the clock: up to twice the limit always reaches it.
    for (let i = 0; i < 121 && status !== 429; i++) {
      const res = await preview(`Draft ${i}`, hasty);
      status = res.status;
      if (status !== 429) expect(status).toBe(200);
      else expect((await errorOf(res)).reason).toBe('rate_limited.writes');
    }
    expect(status).toBe(429);
  }, 60_000);
});

import type { Comment } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeSource } from '../src/markdown/normalize.ts';
import { mentionCandidates, renderMarkdown } from '../src/markdown/render.ts';
import { HOSTILE_MARKDOWN, WELL_FORMED_MARKDOWN } from './fixtures/hostile-markdown.ts';
import { violations } from './fixtures/html-allow-list.ts';
import { call, DEMO, errorOf, json, token } from './helpers.ts';

const LIMIT = 10_000;
const WITHIN_LIMIT = HOSTILE_MARKDOWN.filter((entry) => entry.source.length <= LIMIT);
const OVERSIZE = HOSTILE_MARKDOWN.filter((entry) => entry.source.length > LIMIT);

describe('Markdown rendering', () => {
  it(`keeps every one of ${WITHIN_LIMIT.length} hostile sources inside the allow-list`, () => {
    expect(HOSTILE_MARKDOWN.length).toBeGreaterThanOrEqual(50);
    const failures: string[] = [];
    for (const entry of WITHIN_LIMIT) {
      const rendered = renderMarkdown(entry.source, { knownHandles: new Set(['ana']) });
      for (const problem of violations(rendered.html)) failures.push(`${entry.name}: ${problem}`);
      for (const link of rendered.links) if (!/^(https?:\/\/|mailto:)/.test(link)) failures.push(`${entry.name}: link ${link}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('renders ordinary Markdown as expected', () => {
    for (const entry of WELL_FORMED_MARKDOWN) {
      const { html } = renderMarkdown(entry.source, { knownHandles: new Set(entry.knownHandles ?? []) });
      for (const fragment of entry.html) expect(html, entry.name).toContain(fragment);
      expect(violations(html), entry.name).toEqual([]);
    }
  });

  it('turns unsafe link targets into plain text, keeping the words', () => {
    const { html, links } = renderMarkdown(
      '[click](javascript:alert(1)) [pic](data:text/html;base64,PHNjcmlwdD4=) [ok](https://example.com)',
    );
    expect(html).toBe('<p>click pic <a href="https://example.com" rel="nofollow ugc noopener">ok</a></p>');
    expect(links).toEqual(['https://example.com']);
  });

  it('shows raw HTML as text, never as markup', () => {
    const { html, text } = renderMarkdown('<img src=x onerror=alert(1)> and <b>bold</b>');
    expect(html).toBe('<p>&lt;img src=x onerror=alert(1)&gt; and &lt;b&gt;bold&lt;/b&gt;</p>');
    expect(text).toBe('<img src=x onerror=alert(1)> and <b>bold</b>');
  });

  it('links mentions of known members only, and not inside code, links or e-mail addresses', () => {
    const source = '@ana asks @bob; `@ana` [@ana](https://x.org) ana@example.com';
    expect(mentionCandidates(source)).toEqual(['ana', 'bob']);
    const rendered = renderMarkdown(source, { knownHandles: new Set(['ana']) });
    expect(rendered.mentions).toEqual(['ana']);
    expect(rendered.html.match(/bk-mention/g)).toHaveLength(1);
  });
});

describe('hostile comments through the API', () => {
  const people: string[] = [];
  beforeAll(async () => {
    // Several authors, so the per-person write limit (60 a minute) is not what the test measures.
    for (let i = 0; i < 4; i++) people.push(await token({ sub: `hostile-${i}`, name: `Hostile ${i}` }));
  });

  it('answers every hostile body with a safe comment or a clear 4xx, never a 500', async () => {
    const failures: string[] = [];
    for (const [index, entry] of WITHIN_LIMIT.entries()) {
      const author = people[index % people.length] as string;
      const res = await call(`${DEMO}/threads/comments`, {
        method: 'POST',
        token: author,
        body: JSON.stringify({ key: 'hostile-corpus', body: entry.source }),
      });
      if (res.status === 201) {
        const comment = await json<Comment>(res);
        for (const problem of violations(comment.html ?? '')) failures.push(`${entry.name}: ${problem}`);
        expect(comment.body).toBe(normalizeSource(entry.source));
      } else if (res.status === 422 || res.status === 400) {
        const error = await errorOf(res);
        expect(error.message.length).toBeGreaterThan(10);
      } else {
        failures.push(`${entry.name}: status ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('refuses oversize bodies with 413 and writes nothing', async () => {
    expect(OVERSIZE.length).toBeGreaterThan(0);
    for (const entry of OVERSIZE) {
      const res = await call(`${DEMO}/threads/comments`, {
        method: 'POST',
        token: people[0],
        body: JSON.stringify({ key: 'hostile-oversize', body: entry.source }),
      });
      expect(res.status).toBe(413);
      expect((await errorOf(res)).code).toBe('payload_too_large');
    }
    const page = await json<{ thread: unknown }>(await call(`${DEMO}/threads/comments?key=hostile-oversize`, { token: people[0] }));
    expect(page.thread).toBeNull();
  });

  it('refuses a body just over the limit with a message naming the limit', async () => {
    const res = await call(`${DEMO}/threads/comments`, {
      method: 'POST',
      token: people[1],
      body: JSON.stringify({ key: 'hostile-oversize', body: 'x'.repeat(LIMIT + 1) }),
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('validation_failed');
    expect(JSON.stringify(error)).toMatch(/10,?000/);
  });
});

/**
 * The Worker's markdown-it has no HTML renderer nor the rules its parser leaves off
 * (scripts/markdown-it-trim.ts), its zod no string formats nor schema methods it never uses and
 * no object compiler (scripts/zod-string-formats.ts, zod-unused-methods.ts), its drizzle no
 * relational queries nor migrator (scripts/drizzle-trim.ts), its hono one router
 * (scripts/hono-trim.ts); the Worker's tests
 * run the same modules as its bundle. What
 * the Worker uses works (markdown.test.ts, every schema), and a left-out part fails loudly.
 */
import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { UNUSED_STRING_FORMATS } from '../scripts/zod-string-formats.ts';
import { UNUSED_METHODS } from '../scripts/zod-unused-methods.ts';
import { app } from '../src/app.ts';
import { database } from '../src/db/client.ts';
import { tenants } from '../src/db/schema.ts';

const LEFT_OUT = /not in the Worker \(scripts\/markdown-it-trim\.ts\)/;
/** As src/markdown/parser.ts configures it. */
const parser = () => new MarkdownIt('commonmark', { html: false }).disable(['image', 'html_block', 'html_inline']);

describe("the Worker's markdown-it", () => {
  it('parses CommonMark with the rules the parser keeps', () => {
    const tokens = parser().parse('# Title\n\n*a* [b](https://x.org) `c`\n', {});
    expect(tokens.map((t) => t.type)).toEqual(['heading_open', 'inline', 'heading_close', 'paragraph_open', 'inline', 'paragraph_close']);
  });

  it('throws, rather than quietly doing nothing, when a left-out part is used', () => {
    expect(() => parser().render('a')).toThrow(LEFT_OUT);
    expect(() => parser().enable('table').parse('| a |\n| - |\n| b |\n', {})).toThrow(LEFT_OUT);
    expect(() => parser().enable('strikethrough').parse('~~a~~', {})).toThrow(LEFT_OUT);
    expect(() => parser().enable('html_block').parse('<div>\n', {})).toThrow(LEFT_OUT);
    expect(() => parser().enable('image').parse('![a](b.png)', {})).toThrow(LEFT_OUT);
    expect(() => parser().enable('replacements').parse('a -- b', {})).toThrow(LEFT_OUT);
  });
});

describe("the Worker's zod", () => {
  it('checks the string formats the Worker uses', () => {
    expect(z.string().email().safeParse('ada@example.com').success).toBe(true);
    expect(z.string().url().safeParse('not a url').success).toBe(false);
    expect(z.string().datetime().safeParse('2027-03-01T10:00:00Z').success).toBe(true);
    expect(z.string().date().safeParse('2027-02-30x').success).toBe(false);
  });

  it('throws for a string format it left out', () => {
    for (const format of UNUSED_STRING_FORMATS) {
      expect(() => (z.string() as unknown as Record<string, () => unknown>)[format]?.(), format).toThrow(/zod-string-formats\.ts/);
    }
  });

  it('throws for a schema method it left out', () => {
    const instances: Record<keyof typeof UNUSED_METHODS, unknown> = {
      ZodType: z.boolean(),
      _ZodString: z.string(),
      ZodNumber: z.number(),
      ZodObject: z.object({ a: z.string() }),
      ZodArray: z.array(z.string()),
      ZodTuple: z.tuple([z.string()]),
    };
    for (const [schema, methods] of Object.entries(UNUSED_METHODS)) {
      const instance = instances[schema as keyof typeof UNUSED_METHODS] as Record<string, () => unknown>;
      for (const method of methods) {
        expect(() => instance[method]?.(), `${schema}.${method}`).toThrow(/zod-unused-methods\.ts/);
      }
    }
  });

  it('parses objects without compiling them, with the methods the Worker uses', async () => {
    const schema = z
      .strictObject({ title: z.string().trim().min(1).max(5), votes: z.coerce.number().int().min(0).default(0) })
      .extend({ tags: z.array(z.string()).optional() })
      .partial({ tags: true });
    expect(schema.parse({ title: ' idea ', votes: '3' })).toEqual({ title: 'idea', votes: 3 });
    expect(schema.safeParse({ title: 'far too long', extra: 1 }).error?.issues.map((i) => i.code)).toEqual([
      'too_big',
      'unrecognized_keys',
    ]);
    expect(await schema.safeParseAsync({ title: 'a' })).toMatchObject({ success: true, data: { title: 'a', votes: 0 } });
    expect(schema._zod.traits.has('$ZodObjectJIT')).toBe(false);
  });
});

describe("the Worker's drizzle", () => {
  it('builds and runs the queries the Worker makes', async () => {
    const db = database(env.DB);
    const [row] = await db.select({ n: sql<number>`count(*)` }).from(tenants);
    expect(row?.n).toBeGreaterThanOrEqual(0);
    expect(db.query).toEqual({});
  });

  it('throws for relational queries and the migrator', async () => {
    expect(() => drizzle(env.DB, { schema: { tenants } })).toThrow(/drizzle-trim\.ts/);
    const { dialect } = database(env.DB) as unknown as { dialect: { buildRelationalQuery(): unknown; migrate(): Promise<void> } };
    expect(() => dialect.buildRelationalQuery()).toThrow(/drizzle-trim\.ts/);
    await expect(dialect.migrate()).rejects.toThrow(/drizzle-trim\.ts/);
  });
});

describe("the Worker's hono", () => {
  it("routes the Worker's app with the trie router alone, which the smart router settled on", async () => {
    // The first request adds every route of the app to the router.
    expect((await app.request('/v1/no-such-route', {}, env)).status).toBe(404);
    expect(app.router.name).toBe('TrieRouter');
    // What the smart router chose, from the same routes: the regular-expression router refuses them.
    const smart = new SmartRouter<unknown>({ routers: [new RegExpRouter(), new TrieRouter()] });
    for (const { method, path, handler } of app.routes) smart.add(method, path, handler);
    smart.match('GET', '/v1/no-such-route');
    expect(smart.activeRouter.name).toBe('TrieRouter');
  });
});

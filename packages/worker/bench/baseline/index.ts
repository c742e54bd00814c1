/**
 * The benchmark's baseline: bare Hono and one D1 query per request, on the same schema and
 * data as Bridgekit. Bridgekit's figures are reported as ratios to this one's, measured in
 * the same run, so the machine's noise mostly cancels out.
 */
import { Hono } from 'hono';

const app = new Hono<{ Bindings: { DB: D1Database } }>();

app.get('/ideas', async (c) => {
  const { results } = await c.env.DB.prepare(
    'select id, title, description, vote_count as votes, created_at from ideas where board_id = ? order by vote_count desc, id desc limit 20',
  )
    .bind('demo-board-general')
    .all();
  return c.json({ items: results });
});

app.get('/similar', async (c) => {
  const words = (c.req.query('q') ?? '').toLowerCase().match(/[a-z0-9]{3,}/g) ?? [];
  const match = words.map((w) => `"${w}" OR "${w}"*`).join(' OR ') || '""';
  const { results } = await c.env.DB.prepare('select idea_id from ideas_fts where ideas_fts match ? order by bm25(ideas_fts) limit 5')
    .bind(match)
    .all();
  return c.json({ items: results });
});

app.put('/ideas/:id/vote', async (c) => {
  await c.env.DB.prepare('insert into votes (idea_id, user_id, tenant_id, created_at) values (?, ?, ?, ?) on conflict do nothing')
    .bind(c.req.param('id'), c.req.header('x-user') ?? '', 'demo-tenant', Date.now())
    .run();
  return c.json({ ok: true });
});

/** The thread page's rows in one statement: the first `limit` top-level comments, oldest first, with their replies. */
app.get('/threads/comments', async (c) => {
  const { results } = await c.env.DB.prepare(
    `select c.id, c.parent_id, c.depth, c.body, c.html, c.created_at, u.name from comments c join users u on u.id = c.author_id
     where c.root_id in (select r.id from comments r where r.thread_id = (select id from threads where tenant_id = ? and key = ?)
       and r.depth = 0 order by r.pinned desc, r.created_at, r.id limit ?)
     order by c.root_id, c.created_at, c.id`,
  )
    .bind('demo-tenant', c.req.query('key') ?? '', Number(c.req.query('limit') ?? 20))
    .all();
  return c.json({ items: results });
});

app.post('/threads/comments', async (c) => {
  const { key, body } = await c.req.json<{ key: string; body: string }>();
  const id = crypto.randomUUID();
  const now = Date.now();
  await c.env.DB.prepare(
    `insert into comments (id, tenant_id, thread_id, root_id, author_id, body, html, fingerprint, state, updated_at, created_at)
     values (?, ?, (select id from threads where tenant_id = ? and key = ?), ?, ?, ?, ?, '', 'published', ?, ?)`,
  )
    .bind(id, 'demo-tenant', 'demo-tenant', key, id, c.req.header('x-user') ?? '', body, body, now, now)
    .run();
  return c.json({ id }, 201);
});

/** The library's FTS5 query (every word required, the last also as a prefix), one ranked page. */
app.get('/cards/search', async (c) => {
  const words = (c.req.query('q') ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const match = words.map((w, i) => (i === words.length - 1 ? `("${w}" OR "${w}"*)` : `"${w}"`)).join(' AND ') || '""';
  const { results } = await c.env.DB.prepare(
    'select card_id, title, summary from cards_fts where cards_fts match ? and tenant_id = ? order by bm25(cards_fts) limit 20',
  )
    .bind(match, 'demo-tenant')
    .all();
  return c.json({ items: results });
});

/** The words of a search as an FTS5 query: each word, whole or begun, any of them. */
const anyWord = (text: string) =>
  (text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [])
    .slice(0, 8)
    .map((w) => `"${w}" OR "${w}"*`)
    .join(' OR ') || '""';

/** One search: a ranked page with a snippet from each full-text table, in one batch, best bm25 first. */
app.get('/search', async (c) => {
  const match = anyWord(c.req.query('q') ?? '');
  const page = (table: string, id: string, column: number) =>
    c.env.DB.prepare(
      `select ${id} as id, snippet(${table}, ${column}, '[', ']', '…', 20) as snippet, bm25(${table}) as rank
       from ${table} where ${table} match ? and tenant_id = ? order by rank limit 20`,
    ).bind(match, 'demo-tenant');
  const results = await c.env.DB.batch<{ id: string; snippet: string; rank: number }>([
    page('ideas_fts', 'idea_id', 4),
    page('cards_fts', 'card_id', -1),
    page('comments_fts', 'comment_id', 3),
  ]);
  const hits = results.flatMap((r) => r.results).sort((a, b) => a.rank - b.rank);
  return c.json({ hits: hits.slice(0, 20) });
});

/** Related content of an idea: its text, then the cards and comments most like it, in one batch. */
app.get('/related', async (c) => {
  const idea = await c.env.DB.prepare('select title, description from ideas where tenant_id = ? and id = ?')
    .bind('demo-tenant', c.req.query('id') ?? '')
    .first<{ title: string; description: string }>();
  if (!idea) return c.json({ items: [] }, 404);
  const match = anyWord(`${idea.title} ${idea.description}`);
  const similar = (table: string, id: string) =>
    c.env.DB.prepare(`select ${id} as id from ${table} where ${table} match ? and tenant_id = ? order by bm25(${table}) limit 8`).bind(
      match,
      'demo-tenant',
    );
  const [cards, comments] = await c.env.DB.batch<{ id: string }>([similar('cards_fts', 'card_id'), similar('comments_fts', 'comment_id')]);
  return c.json({ items: [...(cards?.results ?? []), ...(comments?.results ?? [])] });
});

/** Every string in a value, as the card's words for the index. */
const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : value && typeof value === 'object' ? Object.values(value).map(textOf).join(' ') : '';

/** One UPDATE of the card's content (the FTS trigger re-indexes it), no version check. */
app.put('/cards/:id', async (c) => {
  const { title, summary, fields } = await c.req.json<{ title: string; summary: string; fields: unknown }>();
  await c.env.DB.prepare(
    `update cards set title = ?, summary = ?, fields = ?, search_text = ?, version = version + 1, updated_by = ?, updated_at = ?
     where tenant_id = ? and id = ?`,
  )
    .bind(
      title,
      summary,
      JSON.stringify(fields),
      textOf(fields),
      c.req.header('x-user') ?? '',
      Date.now(),
      'demo-tenant',
      c.req.param('id'),
    )
    .run();
  return c.json({ ok: true });
});

/** A unit's cockpit, bare: its rollup rows for the period in one statement. */
app.get('/insights/unit', async (c) => {
  const { results } = await c.env.DB.prepare(
    `select month, metric, dim, value from unit_rollups where tenant_id = ? and unit_id = (select id from business_units where tenant_id = ? and key = ?)
     and month >= ? and month <= ?`,
  )
    .bind('demo-tenant', 'demo-tenant', c.req.query('unit') ?? '', c.req.query('from') ?? '', c.req.query('to') ?? '')
    .all();
  return c.json({ items: results });
});

/** One figure counted live from the raw table: a unit's ideas per month over all its years. */
app.get('/insights/raw', async (c) => {
  const { results } = await c.env.DB.prepare(
    `select strftime('%Y-%m', created_at / 1000, 'unixepoch') as month, count(*) as n from ideas
     where tenant_id = ? and unit_id = (select id from business_units where tenant_id = ? and key = ?) and state = 'published' group by month`,
  )
    .bind('demo-tenant', 'demo-tenant', c.req.query('unit') ?? '')
    .all();
  return c.json({ items: results });
});

export default app;

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

export default app;

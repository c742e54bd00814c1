/**
 * Discussion threads for `pnpm bench`, seeded as SQL next to the 10,000 ideas (both Workers get
 * the same rows): comments rendered and fingerprinted as the API would, counters filled in.
 *
 * Every comment's text starts with a marker (`bkm0042`), unique within its thread, so a browser
 * can tell how many of a thread's comments are on screen without knowing the widget's markup.
 */

import { type Statement, toSqlScript } from '../src/dev/seed.ts';
import { renderMarkdown } from '../src/markdown/render.ts';
import { fingerprintOf } from '../src/moderation/phases/repeat-post.ts';

export interface BenchThread {
  id: string;
  key: string;
  title: string;
  comments: number;
  /** Top-level comments; the rest are replies, spread evenly over them (every other one a reply to a reply). */
  roots: number;
}

/** Top-level comments per thread page in the bench's requests: the API's maximum. */
export const PAGE_LIMIT = 50;

const thread = (n: number, roots: number, name: string): BenchThread => ({
  id: `bench-thread-${name}`,
  key: `bench-thread-${name}`,
  title: `Bench thread of ${n} comments`,
  comments: n,
  roots,
});

/** 40 top-level comments and 60 replies: the whole thread is one page. */
export const THREAD_100 = thread(100, 40, '100');
/** The same shape, 20 times longer: its first page holds about as many comments as THREAD_100. */
export const THREAD_2000 = thread(2000, 800, '2000');
/** 50 top-level comments with 9 replies each: all 500 fit one page of {@link PAGE_LIMIT}. */
export const THREAD_500 = thread(500, 50, '500');
/** Empty; the bench posts into it. */
export const THREAD_POST = thread(0, 0, 'post');
/**
 * Empty discussions the comment-post scenario spreads its posts over, each bench person always
 * into the same one (person p into `POST_THREADS[p % 20]`), and already following it as a poster
 * does: each thread has its ten followers from the start, so every round measures the same post,
 * not how long the run has gone on.
 */
export const POST_THREADS = Array.from({ length: 20 }, (_, i) => thread(0, 0, `post-${i}`));

/** The posters of each of POST_THREADS as its followers. */
function postFollowers(users: number): Statement[] {
  return POST_THREADS.map((t, i) => ({
    sql: `insert or ignore into subscriptions (user_id, tenant_id, target, target_id, source, active)
      select 'bench-user-' || value, 'demo-tenant', 'thread', ?, 'commenter', 1 from json_each(?)`,
    params: [t.id, JSON.stringify(Array.from({ length: users }, (_, p) => p).filter((p) => p % POST_THREADS.length === i))],
  }));
}

/** Matches the markers; `g` so all of them are found. */
export const MARKER_SOURCE = String.raw`bkm\d{4}`;
export const marker = (i: number) => `bkm${String(i).padStart(4, '0')}`;

const OPENERS = ['We tried this', 'Same here', 'One caveat', 'Our experience', 'Worth noting', 'Agreed, and'];
const WORK = [
  'automating invoice matching',
  'moving supplier onboarding to a form',
  'retiring the old contract tracker',
  'a shared inbox for expense claims',
  'weekly stock forecasts',
  'quarterly access reviews',
  'self-service sales dashboards',
];
const OUTCOMES = [
  'cut the backlog by a third',
  'took six weeks longer than planned',
  'needed a named owner for the exceptions',
  'only worked once Finance signed off the process',
  'freed two days a month for the team',
];

/** Markdown as people write it: a sentence or two, sometimes emphasis, a list or a link. */
function bodyOf(i: number): string {
  const line = `${marker(i)} · ${OPENERS[i % OPENERS.length]}: **${WORK[i % WORK.length]}** ${OUTCOMES[i % OUTCOMES.length]}.`;
  if (i % 5 === 0) return `${line}\n\n- agree the owner first\n- then *measure* the old way for a month`;
  if (i % 7 === 0) return `${line} Notes: https://intranet.example.com/sites/brm/notes/${i}`;
  return `${line} Happy to share what we learned with anyone starting out.`;
}

const COMMENT_COLUMNS =
  'id, tenant_id, thread_id, parent_id, root_id, depth, author_id, body, html, fingerprint, state, reply_count, updated_at, created_at';
/** D1 refuses statements over 100 KB. */
const ROWS_PER_INSERT = 50;

/** The thread and its comments; roots ten minutes apart, replies a minute apart after their root. */
function threadStatements(t: BenchThread, users: number, now: number): Statement[] {
  const start = now - (t.roots + 1) * 10 * 60_000;
  const author = (i: number) => `bench-user-${(i * 7) % users}`;
  type Row = (string | number | null)[];
  const rootId = (r: number) => `${t.id}-c${r}`;
  const rootAt = (r: number) => start + r * 10 * 60_000;
  const comment = (i: number, parentId: string | null, root: number, depth: number, at: number, replyCount = 0): Row => {
    const body = bodyOf(i);
    const rendered = renderMarkdown(body);
    return [
      `${t.id}-c${i}`,
      'demo-tenant',
      t.id,
      parentId,
      rootId(root),
      depth,
      author(i),
      body,
      rendered.html,
      fingerprintOf(rendered.text),
      'published',
      replyCount,
      at,
      at,
    ];
  };
  const replyRows: Row[] = [];
  const repliesOf = new Map<number, string[]>();
  const replies = t.comments - t.roots;
  for (let j = 0; j < replies; j++) {
    const r = Math.floor((j * t.roots) / replies);
    const i = t.roots + j;
    const earlier = repliesOf.get(r) ?? [];
    const previous = earlier.at(-1);
    const [parent, depth] = earlier.length % 2 === 1 && previous ? [previous, 2] : [rootId(r), 1];
    replyRows.push(comment(i, parent, r, depth, rootAt(r) + (earlier.length + 1) * 60_000));
    repliesOf.set(r, [...earlier, `${t.id}-c${i}`]);
  }
  const rootRows = Array.from({ length: t.roots }, (_, r) => comment(r, null, r, 0, rootAt(r), repliesOf.get(r)?.length ?? 0));
  const all = [...rootRows, ...replyRows];
  const last = all.reduce((max, row) => Math.max(max, row[13] as number), 0);
  const statements: Statement[] = [
    {
      sql: 'insert or ignore into threads (id, tenant_id, key, title, started_by, comment_count, last_comment_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
      params: [t.id, 'demo-tenant', t.key, t.title, author(0), all.length, all.length ? last : null, start],
    },
  ];
  for (let i = 0; i < all.length; i += ROWS_PER_INSERT) {
    const chunk = all.slice(i, i + ROWS_PER_INSERT);
    const placeholders = chunk.map((row) => `(${row.map(() => '?').join(', ')})`).join(',\n');
    statements.push({ sql: `insert or ignore into comments (${COMMENT_COLUMNS}) values\n${placeholders}`, params: chunk.flat() });
  }
  return statements;
}

/** SQL for all bench threads; the `users` bench people (`bench-user-<n>`) must exist already. */
export function threadSeedSql(now: number, users: number): string {
  return toSqlScript([
    ...[THREAD_100, THREAD_2000, THREAD_500, THREAD_POST, ...POST_THREADS].flatMap((t) => threadStatements(t, users, now)),
    ...postFollowers(users),
  ]);
}

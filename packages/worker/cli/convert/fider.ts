/**
 * A Fider backup (Administration → Export → "backup.zip", or the folder it unzips to: one JSON
 * file per table, each an array of its rows) as a Bridgekit archive: its people, one board with
 * its posts as ideas, their votes, and each post's comments as the idea's discussion (thread
 * `idea:<id>`).
 * Fider's statuses map to the board's default ones; a duplicate becomes merged into its
 * original; deleted posts and comments are left out (a deleted comment with nothing after it is
 * simply gone in Fider too). Fider's texts are Markdown already.
 *
 * The files read: users.json, posts.json, post_votes.json, comments.json (Fider's
 * app/pkg/backup: `SELECT * FROM <table> WHERE tenant_id = …`, timestamps as RFC 3339).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PRESETS } from '../../src/domain/scorecard.ts';
import { voteWeight } from '../../src/domain/trending.ts';
import { fingerprintOf } from '../../src/moderation/phases/repeat-post.ts';
import { archiveLines, type Row } from './archive-writer.ts';
import { readZipTexts } from './zip.ts';

interface FiderUser {
  id: number;
  name: string;
  email: string | null;
  created_at: string;
  status?: number;
}
interface FiderPost {
  id: number;
  number: number;
  title: string;
  description: string | null;
  user_id: number;
  created_at: string;
  status: number;
  response: string | null;
  response_date: string | null;
  response_user_id: number | null;
  original_id: number | null;
}
interface FiderVote {
  post_id: number;
  user_id: number;
  created_at: string;
}
interface FiderComment {
  id: number;
  post_id: number;
  user_id: number;
  content: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

/** Fider's post statuses (app/models/enum) as the board's default statuses (src/domain/statuses.ts). */
const STATUS: Record<number, { status: string; category: string; closed: boolean } | null> = {
  0: { status: 'open', category: 'open', closed: false },
  1: { status: 'in_progress', category: 'in_progress', closed: false },
  2: { status: 'done', category: 'done', closed: true },
  3: { status: 'declined_low_value', category: 'declined', closed: true },
  4: { status: 'planned', category: 'planned', closed: false },
  5: { status: 'merged', category: 'declined', closed: true },
  6: null,
};

const TABLES = ['users', 'posts', 'post_votes', 'comments'] as const;
type Table = (typeof TABLES)[number];

/** The tables' JSON texts, from backup.zip itself or from the folder it was unzipped to. */
async function backupTexts(from: string): Promise<Record<Table, string>> {
  const files = TABLES.map((t) => `${t}.json`);
  const isZip = await stat(from).then(
    (s) => s.isFile(),
    () => {
      throw new Error(`${from} does not exist: give Fider's backup.zip or the folder it unzips to.`);
    },
  );
  const texts = isZip
    ? await readZipTexts(from, files)
    : new Map(await Promise.all(files.map(async (f) => [f, await readFile(join(from, f), 'utf8').catch(() => undefined)] as const)));
  const text = (t: Table) => {
    const found = texts.get(`${t}.json`);
    if (found === undefined) throw new Error(`${t}.json is missing from ${from}: give Fider's backup.zip or the folder it unzips to.`);
    return found;
  };
  return { users: text('users'), posts: text('posts'), post_votes: text('post_votes'), comments: text('comments') };
}

function rowsOf<T>(name: Table, text: string): T[] {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    throw new Error(`${name}.json is not JSON.`);
  }
  if (!Array.isArray(rows)) throw new Error(`${name}.json is not a list of rows.`);
  return rows as T[];
}

const time = (iso: string | null | undefined) => {
  const at = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(at) ? at : 0;
};

export async function* fiderArchive(
  from: string,
  tenant: { slug: string; name: string },
  board: { slug: string; name: string },
): AsyncGenerator<string> {
  const texts = await backupTexts(from);
  const users = rowsOf<FiderUser>('users', texts.users);
  const allPosts = rowsOf<FiderPost>('posts', texts.posts);
  const votes = rowsOf<FiderVote>('post_votes', texts.post_votes);
  const comments = rowsOf<FiderComment>('comments', texts.comments);
  const posts = allPosts.filter((p) => STATUS[p.status]);
  const postIds = new Map(posts.map((p) => [p.id, p]));
  const userId = (id: number) => `fider-user-${id}`;
  const ideaId = (p: FiderPost) => `fider-${board.slug}-${p.number}`;
  const boardId = `fider-board-${board.slug}`;
  const keptVotes = votes.filter((v) => postIds.has(v.post_id));
  const keptComments = comments
    .filter((c) => postIds.has(c.post_id) && !c.deleted_at)
    .sort((a, b) => time(a.created_at) - time(b.created_at));
  const names = new Map(users.map((u) => [u.id, u.name]));

  function* records(): Generator<[string, Row]> {
    for (const u of users) {
      yield [
        'users',
        {
          id: userId(u.id),
          subject: `fider|${u.id}`,
          name: (u.name || `Fider user ${u.id}`).slice(0, 200),
          email: u.email || null,
          createdAt: time(u.created_at),
          lastSeenAt: time(u.created_at),
        },
      ];
    }
    const created = Math.min(...posts.map((p) => time(p.created_at)), Date.now());
    yield ['boards', { id: boardId, slug: board.slug, name: board.name, description: 'Imported from Fider.', createdAt: created }];
    for (const [position, c] of PRESETS['value-size-risk'].entries()) {
      yield [
        'board_criteria',
        {
          boardId,
          key: c.key,
          label: c.label,
          translations: c.translations ?? null,
          kind: c.kind,
          weight: c.weight,
          group: c.group,
          position,
        },
      ];
    }
    for (const p of posts) {
      const status = STATUS[p.status];
      if (!status) continue;
      const backers = keptVotes.filter((v) => v.post_id === p.id);
      const original = p.original_id ? postIds.get(p.original_id) : undefined;
      const answered = p.response_user_id ? p.response_date : null;
      yield [
        'ideas',
        {
          id: ideaId(p),
          boardId,
          authorId: userId(p.user_id),
          title: p.title.slice(0, 140),
          description: (p.description ?? '').slice(0, 5000),
          status: original || status.status !== 'merged' ? status.status : 'open',
          statusCategory: original || status.status !== 'merged' ? status.category : 'open',
          statusReason: p.response || null,
          statusChangedAt: answered ? time(answered) : null,
          statusChangedBy: p.response_user_id ? `fider|${p.response_user_id}` : null,
          closed: original || status.status !== 'merged' ? status.closed : false,
          mergedInto: original ? ideaId(original) : null,
          voteCount: backers.length,
          supporterCount: backers.length,
          trendScore: backers.reduce((sum, v) => sum + voteWeight(1, time(v.created_at)), 0),
          createdAt: time(p.created_at),
        },
      ];
    }
    for (const v of keptVotes) {
      const post = postIds.get(v.post_id);
      if (!post) continue;
      yield [
        'votes',
        {
          ideaId: ideaId(post),
          userId: userId(v.user_id),
          count: 1,
          weight: voteWeight(1, time(v.created_at)),
          createdAt: time(v.created_at),
        },
      ];
    }
    // Each post's comments: the discussion of its idea.
    const byPost = new Map<number, FiderComment[]>();
    for (const c of keptComments) byPost.set(c.post_id, [...(byPost.get(c.post_id) ?? []), c]);
    for (const [postId, list] of byPost) {
      const post = postIds.get(postId);
      const first = list[0];
      if (!post || !first) continue;
      yield [
        'threads',
        {
          id: `fider-thread-${board.slug}-${post.number}`,
          key: `idea:${ideaId(post)}`,
          title: post.title.slice(0, 200),
          startedBy: userId(first.user_id),
          commentCount: list.length,
          lastCommentAt: time(list.at(-1)?.created_at),
          createdAt: time(first.created_at),
        },
      ];
    }
    for (const [postId, list] of byPost) {
      const post = postIds.get(postId);
      if (!post) continue;
      for (const c of list) {
        const id = `fider-comment-${c.id}`;
        const body = c.content.slice(0, 10_000);
        yield [
          'comments',
          {
            id,
            threadId: `fider-thread-${board.slug}-${post.number}`,
            rootId: id,
            authorId: userId(c.user_id),
            body,
            html: '',
            fingerprint: fingerprintOf(body),
            state: 'published',
            editedAt: c.edited_at ? time(c.edited_at) : null,
            updatedAt: time(c.edited_at ?? c.created_at),
            createdAt: time(c.created_at),
          },
        ];
      }
    }
    void names;
  }

  yield* archiveLines(tenant, records());
}

/**
 * One search and related content from the read cache (routes/search.ts): a write is found by the
 * next search of every reader; the answer cached for one visibility class never reaches a reader
 * of another (a unit's team, a CIO, an admin, a card's owner, a plain member, nobody signed in),
 * whoever searched first, and a team or a grant changed between two searches is seen by the next;
 * tenants never share an answer.
 */
import { env } from 'cloudflare:workers';
import type { Idea, PracticeCard, RelatedItem, SearchResults } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { database } from '../src/db/client.ts';
import { DEMO_TENANT } from '../src/dev/demo-data.ts';
import { demoUnitId } from '../src/dev/demo-units.ts';
import { SEARCH_SCOPES, TENANT_SCOPES, versioned } from '../src/store/cache-versions.ts';
import { searchQuery } from '../src/store/search-all.ts';
import { admin, call, DEMO, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const T = DEMO_TENANT.id;
/** A word only these tests' items contain. */
const WORD = 'axolotl';

type Who = 'owner' | 'team' | 'team2' | 'cio' | 'admin' | 'member' | 'otherTeam' | 'anonymous';
const PEOPLE: { who: Exclude<Who, 'anonymous'>; team?: string; grant?: 'cio' | 'admin' }[] = [
  { who: 'owner' },
  { who: 'team', team: 'finance' },
  { who: 'team2', team: 'finance' },
  { who: 'cio', grant: 'cio' },
  { who: 'admin', grant: 'admin' },
  { who: 'member' },
  { who: 'otherTeam', team: 'sales' },
];
const ALL: Who[] = ['owner', 'team', 'team2', 'cio', 'admin', 'member', 'otherTeam', 'anonymous'];
/** Who reads each kind of card. */
const READS: Record<'unit' | 'private', Who[]> = {
  unit: ['owner', 'team', 'team2', 'cio', 'admin'],
  private: ['owner', 'admin'],
};

const tokens = {} as Record<Who, string | null>;
const handle = (who: Who) => `sc.${who.toLowerCase()}`;
const send = (method: string, url: string, t: string | null, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function search(who: Who, query = `q=${WORD}&limit=50`): Promise<SearchResults> {
  const res = await send('GET', `${DEMO}/search?${query}`, tokens[who]);
  expect(res.status, `${who} ${query}`).toBe(200);
  return json<SearchResults>(res);
}
const found = (r: SearchResults, kind: string, id: string) => r.hits.some((h) => h.kind === kind && h.id === id);
const discussed = (r: SearchResults, key: string) => r.hits.some((h) => h.kind === 'comment' && h.thread.key === key);

async function create(t: string | null, input: Record<string, unknown>): Promise<PracticeCard> {
  const res = await send('POST', `${DEMO}/cards`, t, input);
  if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
  return json<PracticeCard>(res);
}
const practice = (title: string, extra: Record<string, unknown> = {}) => {
  const e = EXAMPLE_CARDS.practice;
  if (!e) throw new Error('no practice example');
  return { templateId: 'practice', title, summary: `${e.summary} ${WORD}`, fields: e.fields, tags: e.tags, ...extra };
};
async function comment(who: Who, key: string, body: string): Promise<void> {
  expect((await send('POST', `${DEMO}/threads/comments`, tokens[who], { key, body })).status).toBe(201);
}
async function setTeam(unit: string, who: Who[]): Promise<void> {
  const res = await admin(`${DEMO}/units/${unit}/team`, 'PUT', { businessPartners: who.map(handle), relationshipManagers: [] });
  expect(res.status, await res.clone().text()).toBe(200);
}

let unitCard: PracticeCard;
let privateCard: PracticeCard;

beforeAll(async () => {
  const now = Date.now();
  // Before any read: nothing is cached yet that these rows could leave stale.
  await env.DB.batch(
    PEOPLE.flatMap((p) => [
      env.DB.prepare(
        'insert into users (id, tenant_id, subject, name, handle, created_at, last_seen_at) values (?, ?, ?, ?, ?, ?, ?)',
      ).bind(`sc-${p.who}`, T, `sc|${p.who}`, `Search ${p.who}`, handle(p.who), now, now),
      ...(p.team
        ? [
            env.DB.prepare(
              "insert into business_unit_people (unit_id, user_id, tenant_id, role, created_at) values (?, ?, ?, 'business_partner', ?)",
            ).bind(demoUnitId(p.team), `sc-${p.who}`, T, now),
          ]
        : []),
      ...(p.grant
        ? [
            env.DB.prepare("insert into user_roles (tenant_id, subject, role, granted_by, created_at) values (?, ?, ?, 'test', ?)").bind(
              T,
              `sc|${p.who}`,
              p.grant,
              now,
            ),
          ]
        : []),
    ]),
  );
  for (const p of PEOPLE) tokens[p.who] = await token({ sub: `sc|${p.who}`, name: `Search ${p.who}` });
  tokens.anonymous = null;
  unitCard = await create(tokens.owner, { ...practice(`Finance ${WORD} account plan`), unit: 'finance', visibility: 'unit' });
  privateCard = await create(tokens.owner, practice(`Private ${WORD} notes`, { visibility: 'private' }));
  await create(tokens.owner, practice(`Open ${WORD} practice`));
  // The unit card's discussion, straight into D1 with the versions bumped, as the API writes it.
  const db = versioned(env.DB, T);
  await db.batch([
    db
      .prepare(
        "insert into threads (id, tenant_id, key, started_by, comment_count, created_at) values ('sc-thread', ?, ?, 'sc-team', 1, ?)",
      )
      .bind(T, `card:${unitCard.id}`, now),
    db
      .prepare(
        `insert into comments (id, tenant_id, thread_id, root_id, author_id, body, html, fingerprint, state, updated_at, created_at)
         values ('sc-comment', ?, 'sc-thread', 'sc-comment', 'sc-team', ?, '', 'sc', 'published', ?, ?)`,
      )
      .bind(T, `Who else sits on the ${WORD} steering group?`, now, now),
  ]);
});

// Many requests each, on a machine that may be busy.
describe('one search from the read cache', { timeout: 60_000 }, () => {
  it('finds a unit or private card and its discussion only for those who read it, whoever searched before', async () => {
    expect(unitCard.visibility).toBe('unit');
    expect(privateCard.visibility).toBe('private');
    // Each order leaves a different class's answer in the cache for the next reader.
    for (const order of [ALL, [...ALL].reverse(), ALL]) {
      for (const who of order) {
        const r = await search(who);
        expect([who, found(r, 'card', unitCard.id), found(r, 'card', privateCard.id), discussed(r, `card:${unitCard.id}`)]).toEqual([
          who,
          READS.unit.includes(who),
          READS.private.includes(who),
          READS.unit.includes(who),
        ]);
        expect(r.counts.card).toBe(r.hits.filter((h) => h.kind === 'card').length);
      }
    }
  });

  it('a new idea, card and comment are found by the next search of every reader; a withdrawn idea is gone', async () => {
    const word = 'quetzal';
    const readers: Who[] = ['anonymous', 'member', 'team', 'cio', 'owner'];
    for (const who of readers) expect((await search(who, `q=${word}`)).hits).toEqual([]);

    const created = await send('POST', `${DEMO}/boards/general/ideas`, tokens.member, { title: `A ${word} sighting board` });
    expect(created.status).toBe(201);
    const idea = await json<Idea>(created);
    for (const who of readers) expect(found(await search(who, `q=${word}`), 'idea', idea.id), who).toBe(true);

    await comment('member', 'quetzal-watch', `Saw a ${word} near the loading dock`);
    const card = await create(tokens.member, practice(`How to spot a ${word}`));
    const teamCard = await create(tokens.team, { ...practice(`Finance ${word} budget`), unit: 'finance', visibility: 'unit' });
    for (const who of readers) {
      const r = await search(who, `q=${word}`);
      expect([who, found(r, 'card', card.id), discussed(r, 'quetzal-watch'), found(r, 'card', teamCard.id)]).toEqual([
        who,
        true,
        true,
        ['team', 'team2', 'cio', 'admin'].includes(who),
      ]);
    }

    const edited = await send('PATCH', `${DEMO}/ideas/${idea.id}`, tokens.member, { title: `A ${word} sighting board, second try` });
    expect(edited.status).toBe(200);
    for (const who of readers) {
      const hit = (await search(who, `q=${word}`)).hits.find((h) => h.id === idea.id);
      expect([who, hit?.title]).toEqual([who, `A ${word} sighting board, second try`]);
    }
    const mod = await token({ sub: 'sc|mod', name: 'Search Mod', extra: { roles: ['Bridgekit.Moderator'] } });
    expect((await send('DELETE', `${DEMO}/ideas/${idea.id}`, mod)).status).toBe(204);
    for (const who of readers) expect(found(await search(who, `q=${word}`), 'idea', idea.id), who).toBe(false);
  });

  it('a team or a grant changed between two searches is seen by the next one', async () => {
    const sees = async (who: Who) => found(await search(who), 'card', unitCard.id);
    // Into the cache: the team's answer, and the plain member's.
    expect(await sees('team')).toBe(true);
    expect(await sees('member')).toBe(false);

    await setTeam('finance', ['team', 'team2', 'member']);
    expect(await sees('member')).toBe(true);
    await setTeam('finance', ['team2']);
    expect(await sees('member')).toBe(false);
    expect(await sees('team')).toBe(false);
    expect(await sees('team2')).toBe(true);
    await setTeam('finance', ['team', 'team2']);
    expect(await sees('team')).toBe(true);

    const subject = encodeURIComponent('sc|member');
    expect((await admin(`${DEMO}/roles/${subject}`, 'PUT', { role: 'cio' })).status).toBe(200);
    expect(await sees('member')).toBe(true);
    expect(found(await search('member'), 'card', privateCard.id)).toBe(false);
    expect((await admin(`${DEMO}/roles/${subject}`, 'PUT', { role: 'admin' })).status).toBe(200);
    expect(found(await search('member'), 'card', privateCard.id)).toBe(true);
    expect((await admin(`${DEMO}/roles/${subject}`, 'DELETE')).status).toBe(204);
    expect((await admin(`${DEMO}/roles/${subject}?role=cio`, 'DELETE')).status).toBe(204);
    expect(await sees('member')).toBe(false);
    expect(found(await search('member'), 'card', privateCard.id)).toBe(false);
  });

  it('a card made visible to everyone, or kept to its unit again, is seen so by the next search', async () => {
    const card = await create(tokens.team, { ...practice(`Finance ${WORD} roadmap`), unit: 'finance', visibility: 'unit' });
    expect(found(await search('member'), 'card', card.id)).toBe(false);
    expect(found(await search('team'), 'card', card.id)).toBe(true);
    // As another isolate would: straight into D1, the version bumped in the same batch.
    const elsewhere = versionedDb();
    await elsewhere.run(`update cards set visibility = 'everyone' where tenant_id = '${T}' and id = '${card.id}'`);
    expect(found(await search('member'), 'card', card.id)).toBe(true);
    await elsewhere.run(`update cards set visibility = 'unit' where tenant_id = '${T}' and id = '${card.id}'`);
    expect(found(await search('member'), 'card', card.id)).toBe(false);
    expect(found(await search('anonymous'), 'card', card.id)).toBe(false);
  });

  it('two tenants with the same words never share an answer', async () => {
    const { secret } = await seedOtherTenant();
    const other = await token({ sub: 'fab|1', secret, kid: 'k1' });
    const now = Date.now();
    await env.DB.prepare(
      `insert into ideas (id, tenant_id, board_id, author_id, title, description, created_at) values ('sc-other-idea', 'other-tenant', 'other-board', 'other-user', ?, '', ?)`,
    )
      .bind(`Fabrikam ${WORD} plan`, now)
      .run();
    const theirs = async () => {
      const res = await call(`${ORIGIN}/v1/tenants/other/search?q=${WORD}&limit=50`, { token: other });
      expect(res.status).toBe(200);
      return (await json<SearchResults>(res)).hits.map((h) => h.id);
    };
    const ours = async () => (await search('member')).hits.map((h) => h.id);
    for (let i = 0; i < 2; i++) {
      expect(await theirs()).toEqual(['sc-other-idea']);
      const mine = await ours();
      expect(mine.length).toBeGreaterThan(0);
      expect(mine).not.toContain('sc-other-idea');
    }
  });

  it('every table a shared search reads is one of its scopes', () => {
    const db = database(env.DB);
    const input = { q: WORD, kinds: ['idea', 'card', 'comment'] as const, limit: 20 };
    const classes = ['all', 'every', [], [demoUnitId('finance')]] as const;
    const read = new Set(
      classes.flatMap((c) => {
        const query = searchQuery(db, T, { class: c }, input);
        if (!query) throw new Error('no query');
        return query.statements.flatMap((s) =>
          [...s.toSQL().sql.matchAll(/\b(?:from|join)\s+"?(\w+)/gi)].map((m) => (m[1] as string).replace(/_fts$/, '')),
        );
      }),
    );
    read.delete('json_each');
    expect(read.size).toBeGreaterThan(4);
    const scopes = new Set<string>([...TENANT_SCOPES, ...SEARCH_SCOPES]);
    expect([...read].filter((table) => !scopes.has(table))).toEqual([]);
  });
});

describe('related content from the read cache', { timeout: 60_000 }, () => {
  const related = (who: Who, kind: string, id: string) => send('GET', `${DEMO}/related?kind=${kind}&id=${id}&limit=20`, tokens[who]);

  it("of a unit's card: for those who read it, 404 for everyone else, whoever asked first", async () => {
    for (const order of [ALL, [...ALL].reverse()]) {
      for (const who of order) {
        const res = await related(who, 'card', unitCard.id);
        expect([who, res.status]).toEqual([who, READS.unit.includes(who) ? 200 : 404]);
      }
    }
  });

  it('a new card like an idea is related to it at the next read; a unit card never is', async () => {
    const created = await send('POST', `${DEMO}/boards/general/ideas`, tokens.member, { title: 'Capybara grooming roster' });
    expect(created.status).toBe(201);
    const idea = await json<Idea>(created);
    const items = async (who: Who) => {
      const res = await related(who, 'idea', idea.id);
      expect(res.status).toBe(200);
      return (await json<{ items: RelatedItem[] }>(res)).items.map((r) => r.id);
    };
    expect(await items('anonymous')).toEqual([]);
    expect(await items('team')).toEqual([]);
    const open = await create(tokens.member, practice('Capybara grooming roster that works'));
    const kept = await create(tokens.team, { ...practice('Capybara grooming roster for Finance'), unit: 'finance', visibility: 'unit' });
    for (const who of ['anonymous', 'team', 'admin'] as const) {
      const ids = await items(who);
      expect([who, ids.includes(open.id), ids.includes(kept.id)]).toEqual([who, true, false]);
    }
  });
});

/** Writes as another isolate would: through the binding that bumps the versions of what it writes. */
function versionedDb() {
  const d1 = versioned(env.DB, T);
  return { run: (sql: string) => d1.prepare(sql).run() };
}

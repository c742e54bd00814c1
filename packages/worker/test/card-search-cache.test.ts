/**
 * The card library's search and list from the read cache (routes/read-cache.ts): a save, a
 * verification, an obsolete mark, a helped mark and a visibility change are seen by the next
 * search of every viewer; a card kept to a unit's team, a private one and an author's held card
 * reach only those who may read them, whoever filled the cache first; tenants never share an answer.
 */
import { env } from 'cloudflare:workers';
import type { CardSummary, Page, PracticeCard } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { DEMO_TENANT } from '../src/dev/demo-data.ts';
import { demoUnitId } from '../src/dev/demo-units.ts';
import { versioned } from '../src/store/cache-versions.ts';
import { clearTenantCache } from '../src/store/tenants.ts';
import { call, DEMO, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const CARDS = `${DEMO}/cards`;
const T = DEMO_TENANT.id;
/** Words only these tests' cards contain. */
const WORD = 'sphagnum';

type Who = 'owner' | 'team' | 'member' | 'other' | 'cio' | 'admin' | 'mod' | 'anonymous';
const ALL: Who[] = ['anonymous', 'member', 'other', 'team', 'cio', 'admin', 'owner'];
const tokens = {} as Record<Who, string | null>;

const send = (method: string, url: string, t: string | null, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function search(who: Who, query = `q=${WORD}&limit=100`): Promise<CardSummary[]> {
  const res = await send('GET', `${CARDS}?${query}`, tokens[who]);
  expect(res.status).toBe(200);
  return (await json<Page<CardSummary>>(res)).items;
}

const ids = async (who: Who, query?: string) => (await search(who, query)).map((c) => c.id);

async function create(who: Who, input: Record<string, unknown>): Promise<PracticeCard> {
  const res = await send('POST', CARDS, tokens[who], input);
  if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
  return json<PracticeCard>(res);
}

const practice = (title: string, extra: Record<string, unknown> = {}) => ({
  templateId: 'practice',
  title,
  summary: `About ${WORD} bogs`,
  fields: EXAMPLE_CARDS.practice?.fields,
  ...extra,
});

beforeAll(async () => {
  const now = Date.now();
  // As a write through the API would: bumping the versions of what it writes.
  const d1 = versioned(env.DB, T);
  await d1.batch([
    ...(['owner', 'team', 'member', 'other', 'cio', 'admin', 'mod'] as const).map((who) =>
      d1
        .prepare('insert into users (id, tenant_id, subject, name, handle, created_at, last_seen_at) values (?, ?, ?, ?, ?, ?, ?)')
        .bind(`csc-${who}`, T, `csc|${who}`, `Csc ${who}`, `csc.${who}`, now, now),
    ),
    d1
      .prepare(
        "insert into business_unit_people (unit_id, user_id, tenant_id, role, created_at) values (?, 'csc-team', ?, 'business_partner', ?)",
      )
      .bind(demoUnitId('finance'), T, now),
    d1
      .prepare(
        "insert into business_unit_people (unit_id, user_id, tenant_id, role, created_at) values (?, 'csc-other', ?, 'business_partner', ?)",
      )
      .bind(demoUnitId('sales'), T, now),
    ...(['cio', 'admin', 'mod'] as const).map((who) =>
      d1
        .prepare("insert into user_roles (tenant_id, subject, role, granted_by, created_at) values (?, ?, ?, 'test', ?)")
        .bind(T, `csc|${who}`, who === 'mod' ? 'moderator' : who, now),
    ),
  ]);
  for (const who of ['owner', 'team', 'member', 'other', 'cio', 'admin', 'mod'] as const) {
    tokens[who] = await token({ sub: `csc|${who}`, name: `Csc ${who}` });
  }
  tokens.anonymous = null;
});

// Many requests each, on a machine that may be busy.
describe('card search from the read cache', { timeout: 60_000 }, () => {
  it('a save, a verification, an obsolete mark and a helped mark are seen by the next search of every viewer', async () => {
    const card = await create('owner', practice(`Draining ${WORD} fields`));
    for (const who of ALL) expect(await ids(who)).toContain(card.id);

    const saved = await send('PUT', `${CARDS}/${card.id}`, tokens.member, {
      title: `Rewetting ${WORD} fields`,
      fields: card.fields,
      baseVersion: 1,
    });
    expect(saved.status).toBe(200);
    for (const who of ALL) expect((await search(who)).find((c) => c.id === card.id)?.title).toBe(`Rewetting ${WORD} fields`);

    expect((await send('POST', `${CARDS}/${card.id}/verify`, tokens.owner, { reviewBy: '2031-03-31' })).status).toBe(200);
    for (const who of ALL) expect((await search(who)).find((c) => c.id === card.id)?.reviewBy).toBe('2031-03-31');

    expect((await send('PUT', `${CARDS}/${card.id}/helped`, tokens.member)).status).toBe(200);
    for (const who of ALL) expect((await search(who)).find((c) => c.id === card.id)?.helpedCount).toBe(1);

    expect((await send('PUT', `${CARDS}/${card.id}/obsolete`, tokens.owner, { reason: 'Replaced' })).status).toBe(200);
    for (const who of ALL) expect((await search(who)).find((c) => c.id === card.id)?.freshness).toBe('obsolete');
    for (const who of ALL) expect(await ids(who, `freshness=obsolete&limit=100&template=practice`)).toContain(card.id);
  });

  it('a card made private, or kept to a unit, leaves every search but its readers’, whoever filled the cache', async () => {
    const card = await create('owner', practice(`Mapping ${WORD} owners`));
    // The cache holds the answer with the card, as anyone may see it.
    for (const who of ALL) expect(await ids(who)).toContain(card.id);

    const closed = await send('PUT', `${CARDS}/${card.id}`, tokens.owner, {
      title: card.title,
      fields: card.fields,
      baseVersion: 1,
      visibility: 'private',
    });
    expect(closed.status).toBe(200);
    expect((await json<PracticeCard>(closed)).version).toBe(2);
    const readsPrivate: Who[] = ['owner', 'admin'];
    for (const who of ALL) expect([who, (await ids(who)).includes(card.id)]).toEqual([who, readsPrivate.includes(who)]);
    // And again, in the other order: a reader who sees it first never puts it in another's answer.
    for (const who of [...ALL].reverse()) expect([who, (await ids(who)).includes(card.id)]).toEqual([who, readsPrivate.includes(who)]);

    const unit = await send('PUT', `${CARDS}/${card.id}`, tokens.owner, {
      title: card.title,
      fields: card.fields,
      baseVersion: 2,
      visibility: 'unit',
      unit: 'finance',
    });
    expect(unit.status).toBe(200);
    expect((await json<PracticeCard>(unit)).version).toBe(3);
    const readsUnit: Who[] = ['owner', 'team', 'cio', 'admin'];
    for (const who of [...ALL].reverse()) expect([who, (await ids(who)).includes(card.id)]).toEqual([who, readsUnit.includes(who)]);
    for (const who of ALL) expect([who, (await ids(who)).includes(card.id)]).toEqual([who, readsUnit.includes(who)]);

    const open = await send('PUT', `${CARDS}/${card.id}`, tokens.owner, {
      title: card.title,
      fields: card.fields,
      baseVersion: 3,
      visibility: 'everyone',
    });
    expect(open.status).toBe(200);
    for (const who of ALL) expect(await ids(who)).toContain(card.id);
  });

  it('a unit card is in its team’s search and list only, never in a plain member’s, another team’s or an anonymous one', async () => {
    const card = await create('owner', practice(`Finance ${WORD} plan`, { unit: 'finance', visibility: 'unit' }));
    const lists = [`q=${WORD}&limit=100`, 'sort=updated&limit=100', `template=practice&limit=100`];
    for (const query of lists) {
      // Those who may not read it first, then its readers, then the others again.
      for (const who of ['anonymous', 'member', 'other'] as const) expect(await ids(who, query)).not.toContain(card.id);
      for (const who of ['team', 'cio', 'admin', 'owner'] as const) expect(await ids(who, query)).toContain(card.id);
      for (const who of ['anonymous', 'member', 'other'] as const) expect(await ids(who, query)).not.toContain(card.id);
    }
    // Another team's member joins the Finance team: their next search has it.
    const d1 = versioned(env.DB, T);
    await d1
      .prepare(
        "insert into business_unit_people (unit_id, user_id, tenant_id, role, created_at) values (?, 'csc-other', ?, 'relationship_manager', ?)",
      )
      .bind(demoUnitId('finance'), T, Date.now())
      .run();
    expect(await ids('other')).toContain(card.id);
    expect(await ids('member')).not.toContain(card.id);
    await d1.prepare("delete from business_unit_people where user_id = 'csc-other' and unit_id = ?").bind(demoUnitId('finance')).run();
    expect(await ids('other')).not.toContain(card.id);
  });

  it('an author’s held card is in their own search only, until a moderator publishes it', async () => {
    for (const who of ALL) await search(who);
    const settings = (preModeration: 'all' | 'off') =>
      send('PATCH', `${DEMO}/moderation/settings`, tokens.admin, { preModeration }).then((r) => expect(r.status).toBe(200));
    await settings('all');
    const held = await create('member', practice(`Held ${WORD} notes`));
    await settings('off');
    expect(held.moderation.state).toBe('pending');
    expect(await ids('member')).toContain(held.id);
    expect((await search('member')).find((c) => c.id === held.id)?.moderation.state).toBe('pending');
    for (const who of ALL.filter((w) => w !== 'member')) expect([who, (await ids(who)).includes(held.id)]).toEqual([who, false]);

    const approved = await send('POST', `${CARDS}/${held.id}/moderation`, tokens.mod, { action: 'approve' });
    expect(approved.status).toBe(200);
    for (const who of ALL) expect(await ids(who)).toContain(held.id);
  });

  it("'owner=me' is each viewer's own list", async () => {
    const mine = await create('team', practice(`Team-owned ${WORD}`));
    expect(await ids('team', 'owner=me&limit=100')).toContain(mine.id);
    expect(await ids('member', 'owner=me&limit=100')).not.toContain(mine.id);
    expect(await ids('team', 'owner=me&limit=100')).toContain(mine.id);
    expect(await ids('member', 'owner=csc.team&limit=100')).toContain(mine.id);
  });

  it('two tenants with the same query never share an answer', async () => {
    const { secret } = await seedOtherTenant();
    clearTenantCache();
    const other = await token({ sub: 'fab|1', secret, kid: 'k1' });
    const theirs = `${ORIGIN}/v1/tenants/other/cards?q=${WORD}&limit=100`;
    const ours = await ids('member');
    expect(ours.length).toBeGreaterThan(0);
    const theirIds = async () => {
      const res = await send('GET', theirs, other);
      expect(res.status).toBe(200);
      return (await json<Page<CardSummary>>(res)).items.map((c) => c.id);
    };
    expect(await theirIds()).toEqual([]);
    // Their own card on the same words, written as their request would.
    await versioned(env.DB, 'other-tenant')
      .prepare(
        `insert into cards (id, tenant_id, template_id, template_version, title, summary, fields, rendered, search_text, tags, version, save_id, created_by, updated_by, updated_at)
         values ('other-card', 'other-tenant', 'practice', 1, ?, '', '{}', '{}', ?, '[]', 1, 's', 'Fab', 'Fab', ?)`,
      )
      .bind(`Fabrikam ${WORD}`, `${WORD} notes`, Date.now())
      .run();
    expect(await theirIds()).toEqual(['other-card']);
    for (const who of ['member', 'anonymous'] as const) expect(await ids(who)).toEqual(ours);
    expect(await theirIds()).toEqual(['other-card']);
  });
});

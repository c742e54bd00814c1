/**
 * Who reads relationship intelligence: a card kept to its unit's team (`unit`) and a private one,
 * read on every route by its owner, the unit's team, a CIO, an admin, a plain member, another
 * unit's team and an anonymous reader; what others are shown of them (search, related, a person's
 * page, an idea's citations and answer); and side-locked fields.
 */
import { env } from 'cloudflare:workers';
import type { CardSummary, IdeaView, Page, PersonView, PracticeCard, RelatedItem, SearchResults } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { database } from '../src/db/client.ts';
import { deliverWebhook } from '../src/delivery/webhook-delivery.ts';
import { DEMO_TENANT } from '../src/dev/demo-data.ts';
import { demoUnitId } from '../src/dev/demo-units.ts';
import { eventStatements } from '../src/notify/record.ts';
import { admin, call, DEMO, errorOf, json, token } from './helpers.ts';

const CARDS = `${DEMO}/cards`;
const T = DEMO_TENANT.id;
/** A word only these tests' cards contain. */
const WORD = 'quillwort';

type Who = 'owner' | 'team' | 'cio' | 'admin' | 'member' | 'otherTeam' | 'anonymous';
const PEOPLE: { who: Exclude<Who, 'anonymous'>; unit: string | null; team?: string; grant?: 'cio' | 'admin' }[] = [
  { who: 'owner', unit: null },
  { who: 'team', unit: 'finance', team: 'finance' },
  { who: 'cio', unit: null, grant: 'cio' },
  { who: 'admin', unit: null, grant: 'admin' },
  { who: 'member', unit: 'finance' },
  { who: 'otherTeam', unit: 'sales', team: 'sales' },
];
/** Who reads each kind of card. */
const READS: Record<'unit' | 'private', Who[]> = {
  unit: ['owner', 'team', 'cio', 'admin'],
  private: ['owner', 'admin'],
};
const ALL: Who[] = ['owner', 'team', 'cio', 'admin', 'member', 'otherTeam', 'anonymous'];

const tokens = {} as Record<Who, string | null>;
const send = (method: string, url: string, t: string | null, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const get = (url: string, who: Who) => send('GET', url, tokens[who]);

async function create(t: string | null, input: Record<string, unknown>): Promise<PracticeCard> {
  const res = await send('POST', CARDS, t, input);
  if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
  return json<PracticeCard>(res);
}
const example = (templateId: string, title: string) => {
  const e = EXAMPLE_CARDS[templateId];
  if (!e) throw new Error(`no example for ${templateId}`);
  // About a demo idea: the example's own subject, the account plan, is the Finance team's.
  const fields = templateId === 'stakeholder-map' ? { ...e.fields, subject: { kind: 'idea', id: 'demo-idea-invoice' } } : e.fields;
  return { templateId, title, summary: `${e.summary} ${WORD}`, fields, tags: e.tags };
};

let unitCard: PracticeCard;
let privateCard: PracticeCard;

beforeAll(async () => {
  const now = Date.now();
  await env.DB.batch(
    PEOPLE.flatMap((p) => [
      env.DB.prepare(
        'insert into users (id, tenant_id, subject, name, handle, unit_id, created_at, last_seen_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing',
      ).bind(`vis-${p.who}`, T, `vis|${p.who}`, `Vis ${p.who}`, `vis.${p.who.toLowerCase()}`, p.unit ? demoUnitId(p.unit) : null, now, now),
      ...(p.team
        ? [
            env.DB.prepare(
              "insert into business_unit_people (unit_id, user_id, tenant_id, role, created_at) values (?, ?, ?, 'business_partner', ?) on conflict do nothing",
            ).bind(demoUnitId(p.team), `vis-${p.who}`, T, now),
          ]
        : []),
      ...(p.grant
        ? [
            env.DB.prepare(
              "insert into user_roles (tenant_id, subject, role, granted_by, created_at) values (?, ?, ?, 'test', ?) on conflict do nothing",
            ).bind(T, `vis|${p.who}`, p.grant, now),
          ]
        : []),
    ]),
  );
  for (const p of PEOPLE) tokens[p.who] = await token({ sub: `vis|${p.who}`, name: `Vis ${p.who}` });
  tokens.anonymous = null;
  const owner = tokens.owner;
  // The stakeholder map cites a demo idea, so the idea's pages would name it.
  unitCard = await create(owner, { ...example('stakeholder-map', `Finance stakeholders ${WORD}`), unit: 'finance' });
  privateCard = await create(owner, { ...example('practice', `Private notes ${WORD}`), visibility: 'private' });
});

describe('card visibility', () => {
  it('takes the unit by key and the visibility from the template, and refuses what cannot hold', async () => {
    expect(unitCard).toMatchObject({ visibility: 'unit', unit: { key: 'finance', name: 'Finance', side: 'demand' } });
    expect(privateCard).toMatchObject({ visibility: 'private', unit: null });
    // A stakeholder map without a unit is private by default; a practice card is for everyone.
    const noUnit = await create(tokens.owner, example('stakeholder-map', 'Stakeholders without a unit'));
    expect(noUnit.visibility).toBe('private');
    expect((await create(tokens.owner, example('practice', 'Open practice'))).visibility).toBe('everyone');

    const before = await env.DB.prepare('select count(*) as n from cards where tenant_id = ?').bind(T).first<{ n: number }>();
    const unknown = await send('POST', CARDS, tokens.owner, { ...example('practice', 'Unknown unit'), unit: 'atlantis' });
    expect(unknown.status).toBe(400);
    expect(await errorOf(unknown)).toMatchObject({ reason: 'validation_failed.unknown_unit', details: [{ path: 'body.unit' }] });
    const needsUnit = await send('POST', CARDS, tokens.owner, { ...example('practice', 'Unit without unit'), visibility: 'unit' });
    expect(needsUnit.status).toBe(400);
    expect((await errorOf(needsUnit)).reason).toBe('validation_failed.visibility_needs_unit');
    await env.DB.prepare('update business_units set archived_at = 1 where id = ?').bind(demoUnitId('operations')).run();
    const archived = await send('POST', CARDS, tokens.owner, { ...example('practice', 'Archived unit'), unit: 'operations' });
    await env.DB.prepare('update business_units set archived_at = null where id = ?').bind(demoUnitId('operations')).run();
    expect(archived.status).toBe(400);
    expect(await env.DB.prepare('select count(*) as n from cards where tenant_id = ?').bind(T).first<{ n: number }>()).toEqual(before);
  });

  it("defaults a tenant template's new cards to its visibility, as the built-in ones", async () => {
    const template = {
      id: 'unit-briefing',
      name: 'Unit briefing',
      fields: [{ key: 'notes', label: 'Notes', type: 'text', required: true }],
      visibility: 'unit',
    };
    const put = await admin(`${DEMO}/templates/unit-briefing`, 'PUT', template);
    expect(put.status).toBe(200);
    expect(await json(put)).toMatchObject({ id: 'unit-briefing', builtIn: false, visibility: 'unit' });
    const listed = await json<{ items: { id: string; visibility?: string }[] }>(await get(`${DEMO}/templates`, 'member'));
    expect(listed.items.find((t) => t.id === 'unit-briefing')?.visibility).toBe('unit');
    const briefing = (extra: Record<string, unknown>) =>
      create(tokens.owner, { templateId: 'unit-briefing', title: `Briefing ${WORD}`, fields: { notes: 'Who decides' }, ...extra });
    expect((await briefing({ unit: 'finance' })).visibility).toBe('unit');
    expect((await briefing({})).visibility).toBe('private');
    expect((await briefing({ unit: 'finance', visibility: 'everyone' })).visibility).toBe('everyone');
    const wrong = await admin(`${DEMO}/templates/unit-briefing`, 'PUT', { ...template, visibility: 'secret' });
    expect(wrong.status).toBe(400);
    // Replaced without one, its next cards are for everyone again.
    const { visibility: _, ...open } = template;
    expect(await json(await admin(`${DEMO}/templates/unit-briefing`, 'PUT', open))).not.toHaveProperty('visibility');
    expect((await briefing({ unit: 'finance' })).visibility).toBe('everyone');
  });

  for (const kind of ['unit', 'private'] as const) {
    const card = () => (kind === 'unit' ? unitCard : privateCard);
    it.each(ALL)(`a ${kind} card: %s reads it on every card route, or gets 404 / no trace`, async (who) => {
      const reads = READS[kind].includes(who);
      const { id } = card();
      const routes = [
        `${CARDS}/${id}`,
        `${CARDS}/${id}/versions`,
        `${CARDS}/${id}/versions/1`,
        `${CARDS}/${id}/diff?from=1&to=1`,
        `${CARDS}/${id}/links`,
        `${CARDS}/${id}/export?format=json`,
        `${DEMO}/threads/comments?key=${encodeURIComponent(`card:${id}`)}`,
        `${DEMO}/related?kind=card&id=${id}`,
      ];
      for (const url of routes) {
        const res = await get(url, who);
        expect([url, res.status]).toEqual([url, reads ? 200 : 404]);
      }
      const listed = await json<Page<CardSummary>>(await get(`${CARDS}?limit=100&sort=updated&template=${card().templateId}`, who));
      expect(listed.items.some((c) => c.id === id)).toBe(reads);
      const searched = await json<Page<CardSummary>>(await get(`${CARDS}?q=${WORD}&limit=100`, who));
      expect(searched.items.some((c) => c.id === id)).toBe(reads);
      if (who !== 'anonymous') {
        const queue = await json<Page<CardSummary>>(await get(`${CARDS}/review-queue?owner=vis.owner&limit=100`, who));
        expect(queue.items.some((c) => c.id === id)).toBe(false);
      }
      // Nobody writes to a card they may not read.
      if (who !== 'anonymous' && !reads) {
        expect(
          (await send('PUT', `${CARDS}/${id}`, tokens[who], { title: 'Taken over', fields: card().fields, baseVersion: 1 })).status,
        ).toBe(404);
        expect((await send('PUT', `${CARDS}/${id}/helped`, tokens[who])).status).toBe(404);
      }
    });
  }

  it.each(ALL)('finds a unit or private card in one search only for those who read it, as the library (%s)', async (who) => {
    const key = `card:${unitCard.id}`;
    await send('POST', `${DEMO}/threads/comments`, tokens.team, { key, body: `Who else sits on the ${WORD} board?` });
    const searched = await get(`${DEMO}/search?q=${WORD}&kinds=card,comment&limit=50`, who);
    expect(searched.status).toBe(200);
    const search = await json<SearchResults>(searched);
    const found = (id: string) => search.hits.some((h) => h.kind === 'card' && h.id === id);
    expect([who, found(unitCard.id), found(privateCard.id)]).toEqual([who, READS.unit.includes(who), READS.private.includes(who)]);
    // The unit card's discussion is found as the card is.
    const discussed = search.hits.some((h) => h.kind === 'comment' && h.thread.key === key);
    expect([who, discussed]).toEqual([who, READS.unit.includes(who)]);
    expect(search.counts.card).toBe(search.hits.filter((h) => h.kind === 'card').length);
  });

  it.each(ALL)('never names a unit or private card where others could follow it: related, a person, practice areas (%s)', async (who) => {
    const hidden = [unitCard.id, privateCard.id];
    const personRes = await get(`${DEMO}/people/vis.owner`, who);
    expect(personRes.status).toBe(200);
    const person = await json<PersonView>(personRes);
    expect(person.cards.filter((c) => hidden.includes(c.id))).toEqual([]);
    expect(person.counts.cards).toBe(person.cards.length);
    const relatedRes = await get(`${DEMO}/related?kind=idea&id=demo-idea-invoice&limit=20`, who);
    expect(relatedRes.status).toBe(200);
    const related = await json<{ items: RelatedItem[] }>(relatedRes);
    expect(related.items.filter((r) => hidden.includes(r.id))).toEqual([]);
  });

  it("names a citing card on an idea's view only to those who read it, and never answers an idea with one", async () => {
    const invoice = 'demo-idea-invoice';
    for (const who of ALL) {
      const view = await json<IdeaView>(await get(`${DEMO}/ideas/${invoice}/view`, who));
      expect([who, view.citedBy.some((c) => c.id === unitCard.id)]).toEqual([who, READS.unit.includes(who)]);
    }
    // An idea's answer is read by everyone who reads the idea: a unit's card cannot be one.
    const idea = await send('POST', `${DEMO}/boards/general/ideas`, tokens.team, {
      title: `An idea from the ${WORD} map`,
      sourceCard: unitCard.id,
    });
    expect(idea.status).toBe(400);
    expect((await errorOf(idea)).reason).toBe('validation_failed.unknown_card');
  });

  it('lets only the owner (or a moderator) change the unit or who reads it', async () => {
    const card = await create(tokens.owner, { ...example('practice', 'Opened later'), unit: 'finance', visibility: 'unit' });
    const base = { title: card.title, fields: card.fields, baseVersion: 1 };
    const byTeam = await send('PUT', `${CARDS}/${card.id}`, tokens.team, { ...base, visibility: 'everyone' });
    expect(byTeam.status).toBe(403);
    expect((await errorOf(byTeam)).reason).toBe('forbidden.card_owner');
    // Taking the unit away from a unit card without another visibility cannot hold.
    expect((await send('PUT', `${CARDS}/${card.id}`, tokens.owner, { ...base, unit: null })).status).toBe(400);
    const opened = await json<PracticeCard>(await send('PUT', `${CARDS}/${card.id}`, tokens.owner, { ...base, visibility: 'everyone' }));
    expect(opened).toMatchObject({ visibility: 'everyone', unit: { key: 'finance' }, version: 2 });
    expect((await get(`${CARDS}/${card.id}`, 'anonymous')).status).toBe(200);
  });

  it('tells only those who read a card of its events', async () => {
    await send('PUT', `${CARDS}/${unitCard.id}/helped`, tokens.team);
    // Everyone follows the practice area the stakeholder map carries…
    const area = unitCard.tags[0];
    for (const who of ['team', 'member', 'otherTeam', 'cio'] as const) {
      expect((await send('PUT', `${DEMO}/subscriptions/area/${area}`, tokens[who], {})).status).toBeLessThan(300);
    }
    const saved = await send('PUT', `${CARDS}/${unitCard.id}`, tokens.owner, {
      title: unitCard.title,
      fields: unitCard.fields,
      summary: `Updated ${WORD}`,
      baseVersion: unitCard.version,
    });
    expect(saved.status).toBe(200);
    unitCard = await json<PracticeCard>(saved);
    const told = await env.DB.prepare(
      "select n.user_id as user from notifications n join events e on e.id = n.event_id where e.item_id = ? and e.type = 'card.updated' order by n.user_id",
    )
      .bind(unitCard.id)
      .all<{ user: string }>();
    // …but only the team and the CIO hear that it changed.
    expect(told.results.map((r) => r.user)).toEqual(['vis-cio', 'vis-team']);
    const inboxTitles = async () =>
      (await json<{ items: { item: { id: string; title: string } }[] }>(await get(`${DEMO}/notifications?limit=50`, 'team'))).items
        .filter((n) => n.item.id === unitCard.id)
        .map((n) => n.item.title);
    expect(await inboxTitles()).toContain(unitCard.title);
    // Made private later: the team's inbox no longer names it.
    const closed = await send('PUT', `${CARDS}/${unitCard.id}`, tokens.owner, {
      title: unitCard.title,
      fields: unitCard.fields,
      visibility: 'private',
      baseVersion: unitCard.version,
    });
    expect(closed.status).toBe(200);
    expect((await inboxTitles()).every((title) => title === '')).toBe(true);
    unitCard = await json<PracticeCard>(
      await send('PUT', `${CARDS}/${unitCard.id}`, tokens.owner, {
        title: unitCard.title,
        fields: unitCard.fields,
        visibility: 'unit',
        baseVersion: unitCard.version + 1,
      }),
    );
  });
});

describe('webhooks', () => {
  it('sends no event of a unit card to a webhook, and logs no delivery', async () => {
    const created = await admin(`${DEMO}/webhooks`, 'POST', { url: 'https://hooks.contoso.example/cards', events: ['card.updated'] });
    expect(created.status).toBe(201);
    const hook = await json<{ id: string }>(created);
    const db = database(env.DB);
    await db.batch(
      eventStatements(db, { tenantId: T, type: 'card.updated', actorId: null, item: { kind: 'card', id: unitCard.id } }) as [never],
    );
    const event = await env.DB.prepare("select id from events where item_id = ? and type = 'card.updated' order by id desc")
      .bind(unitCard.id)
      .first<{ id: string }>();
    expect(await deliverWebhook(db, { tenant: T, event: event?.id ?? '', webhook: hook.id }, 1)).toBe('done');
    expect(await env.DB.prepare('select count(*) as n from webhook_deliveries where webhook_id = ?').bind(hook.id).first()).toEqual({
      n: 0,
    });
  });
});

describe('side-locked fields', () => {
  const assessment = EXAMPLE_CARDS['relationship-health-assessment'];
  type Item = { item: string; partnerScore?: number; itScore?: number; partnerComment?: string; itComment?: string };
  let health: PracticeCard;
  let business: string;
  let provider: string;

  beforeAll(async () => {
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        'insert into users (id, tenant_id, subject, name, handle, unit_id, created_at, last_seen_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing',
      ).bind('side-business', T, 'side|business', 'Side Business', 'side.business', demoUnitId('finance'), now, now),
      env.DB.prepare(
        'insert into users (id, tenant_id, subject, name, handle, unit_id, created_at, last_seen_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing',
      ).bind('side-provider', T, 'side|provider', 'Side Provider', 'side.provider', demoUnitId('it'), now, now),
    ]);
    [business, provider] = await Promise.all([
      token({ sub: 'side|business', name: 'Side Business', bu: 'Finance' }),
      token({ sub: 'side|provider', name: 'Side Provider', bu: 'IT' }),
    ]);
    // Everyone may read it, so only the sides decide who changes what.
    const fields = { ...assessment?.fields, items: [{ item: 'trust' }, { item: 'communication' }] };
    health = await create(provider, {
      templateId: 'relationship-health-assessment',
      title: 'Finance and IT, spring',
      fields,
      unit: 'finance',
      visibility: 'everyone',
    });
  });

  const save = (t: string, items: Item[], baseVersion: number) =>
    send('PUT', `${CARDS}/${health.id}`, t, { title: health.title, fields: { ...health.fields, items }, baseVersion });

  it("lets each side change its own scores, and refuses the other side's, writing nothing", async () => {
    const byBusiness = await save(
      business,
      [
        { item: 'trust', partnerScore: 2, partnerComment: 'Slow answers' },
        { item: 'communication', partnerScore: 3 },
      ],
      1,
    );
    expect(byBusiness.status).toBe(200);
    health = await json<PracticeCard>(byBusiness);
    const items = health.fields.items as Item[];

    const refused = await save(provider, [{ ...items[0], partnerScore: 5 } as Item, items[1] as Item], 2);
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toMatchObject({
      reason: 'forbidden.side_locked',
      params: { side: 'business', field: 'Scores › Business partner score' },
      details: [{ path: 'body.fields.items.partnerScore', reason: 'field.business_side_only' }],
    });
    const business2 = await save(business, [{ ...items[0], itScore: 4 } as Item, items[1] as Item], 2);
    expect(business2.status).toBe(403);
    expect((await errorOf(business2)).params).toMatchObject({ side: 'provider' });
    const stored = await env.DB.prepare('select version, fields from cards where id = ?')
      .bind(health.id)
      .first<{ version: number; fields: string }>();
    expect(stored?.version).toBe(2);
    expect(JSON.parse(stored?.fields ?? '{}').items).toEqual(items);

    // The other side saves the card with the business's values as they were, and its own changed.
    const byProvider = await save(provider, [{ ...items[0], itScore: 4, itComment: 'We know' } as Item, items[1] as Item], 2);
    expect(byProvider.status).toBe(200);
    expect((await json<PracticeCard>(byProvider)).fields.items).toEqual([
      { item: 'trust', partnerScore: 2, partnerComment: 'Slow answers', itScore: 4, itComment: 'We know' },
      { item: 'communication', partnerScore: 3 },
    ]);
  });

  it("lets a tenant's template mark its own fields, and refuses a side that is not one", async () => {
    const template = {
      id: 'partner-pulse',
      name: 'Partner pulse',
      fields: [
        { key: 'partnerView', label: 'What the partner says', type: 'text', side: 'business' },
        { key: 'itView', label: 'What IT says', type: 'text', side: 'provider' },
      ],
    };
    const stored = await admin(`${DEMO}/templates/partner-pulse`, 'PUT', template);
    expect(stored.status).toBe(200);
    expect((await json<{ fields: { side?: string }[] }>(stored)).fields.map((f) => f.side)).toEqual(['business', 'provider']);
    const bad = await admin(`${DEMO}/templates/partner-pulse`, 'PUT', { ...template, fields: [{ ...template.fields[0], side: 'middle' }] });
    expect(bad.status).toBe(400);
    const card = await create(business, { templateId: 'partner-pulse', title: 'Pulse', fields: { partnerView: 'Fine' }, unit: 'finance' });
    const byIt = await send('PUT', `${CARDS}/${card.id}`, provider, { title: 'Pulse', fields: { partnerView: 'Great' }, baseVersion: 1 });
    expect((await errorOf(byIt)).reason).toBe('forbidden.side_locked');
  });

  it('locks for people of no side too, admins included', async () => {
    const current = await json<PracticeCard>(await get(`${CARDS}/${health.id}`, 'admin'));
    const items = current.fields.items as Item[];
    const res = await send('PUT', `${CARDS}/${health.id}`, tokens.admin, {
      title: current.title,
      fields: { ...current.fields, items: [{ ...items[0], partnerScore: 1 }, items[1]] },
      baseVersion: current.version,
    });
    expect(res.status).toBe(403);
    // Unchanged side-locked values are theirs to keep: a save of other fields goes through.
    const other = await send('PUT', `${CARDS}/${health.id}`, tokens.admin, {
      title: `${current.title} (reviewed)`,
      fields: current.fields,
      baseVersion: current.version,
    });
    expect(other.status).toBe(200);
  });
});

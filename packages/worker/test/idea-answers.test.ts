/**
 * Ideas and practice cards answering each other: a status change naming the card that answers a
 * request (a deflection), duplicate suggestions that show that answer, ideas proposed from a
 * card, and what a card counts and lists of both.
 */
import { env } from 'cloudflare:workers';
import type { CardLinks, Idea, PracticeCard, SimilarIdea, StatusChange } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { DEMO_TENANT, demoCardId } from '../src/dev/demo-data.ts';
import { versioned } from '../src/store/cache-versions.ts';
import { call, DEMO, errorOf, json, seedOtherTenant, token, useTestRoleClaims } from './helpers.ts';

const author = () => token({ sub: 'answers-author', name: 'Ana Answers', bu: 'Finance' });
const other = () => token({ sub: 'answers-other', name: 'Otto Other', bu: 'Sales' });
const evaluator = () => token({ sub: 'answers-eva', name: 'Eva Evaluator', extra: { roles: ['Bridgekit.Evaluator'] } });

const send = async (method: string, url: string, t: string | null, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const propose = async (title: string, extra: Record<string, unknown> = {}, t?: string) =>
  send('POST', `${DEMO}/boards/general/ideas`, t ?? (await author()), { title, ...extra });
async function newIdea(title: string, extra: Record<string, unknown> = {}, t?: string): Promise<Idea> {
  const res = await propose(title, extra, t);
  expect(res.status, await res.clone().text()).toBe(201);
  return json<Idea>(res);
}
const setStatus = async (id: string, body: unknown) => send('PUT', `${DEMO}/ideas/${id}/status`, await evaluator(), body);

let cardCount = 0;
async function newCard(): Promise<PracticeCard> {
  const e = EXAMPLE_CARDS['business-partner-profile'];
  if (!e) throw new Error('no example card');
  cardCount++;
  const res = await send('POST', `${DEMO}/cards`, await author(), {
    templateId: 'business-partner-profile',
    title: `Partner profile number ${cardCount}`,
    fields: e.fields,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<PracticeCard>(res);
}
const readCard = async (id: string) => json<PracticeCard>(await send('GET', `${DEMO}/cards/${id}`, await other()));
const linksOf = async (id: string) => json<CardLinks>(await send('GET', `${DEMO}/cards/${id}/links`, await other()));
const stored = (id: string) =>
  env.DB.prepare('select status, answered_by as answeredBy, source_card_id as sourceCard from ideas where id = ?')
    .bind(id)
    .first<{ status: string; answeredBy: string | null; sourceCard: string | null }>();

const REASON = 'The practice card shows how teams do this themselves in the existing tools.';
/** A card of the other tenant, and one of this tenant held for review: neither may be named. */
const FOREIGN_CARD = 'other-tenant-card';
let heldCard: PracticeCard;

beforeAll(async () => {
  await useTestRoleClaims();
  await seedOtherTenant();
  const now = Date.now();
  await env.DB.prepare(
    `insert into cards (id, tenant_id, template_id, template_version, title, fields, rendered, tags, save_id, created_by, updated_by, updated_at)
     values (?, 'other-tenant', 'business-case', 1, 'Fabrikam secret card', '{}', '{}', '[]', 's1', 'x', 'x', ?)`,
  )
    .bind(FOREIGN_CARD, now)
    .run();
  heldCard = await newCard();
  await env.DB.prepare("update cards set state = 'pending' where id = ?").bind(heldCard.id).run();
});

describe('a status change naming the card that answers the request', () => {
  it('stores the card as the answer and with the change, and shows it on the idea and in its history', async () => {
    const card = await newCard();
    const idea = await newIdea('Quarterly partner contact list for finance');
    const res = await setStatus(idea.id, { status: 'self_service', reason: REASON, card: card.id });
    expect(res.status).toBe(200);
    expect((await json<Idea>(res)).status).toMatchObject({ key: 'self_service', reason: REASON, card: { id: card.id, title: card.title } });
    expect(await stored(idea.id)).toMatchObject({ status: 'self_service', answeredBy: card.id });
    const change = await env.DB.prepare('select card_id as card from idea_status_changes where idea_id = ?').bind(idea.id).first();
    expect(change).toEqual({ card: card.id });
    expect((await json<Idea>(await send('GET', `${DEMO}/ideas/${idea.id}`, null))).status.card).toEqual({ id: card.id, title: card.title });
    const list = await json<{ items: Idea[] }>(await send('GET', `${DEMO}/boards/general/ideas?sort=new&limit=5`, null));
    expect(list.items.find((i) => i.id === idea.id)?.status.card).toEqual({ id: card.id, title: card.title });
    const history = await json<{ items: StatusChange[] }>(await send('GET', `${DEMO}/ideas/${idea.id}/status-history`, null));
    expect(history.items).toEqual([
      expect.objectContaining({ from: 'open', to: 'self_service', card: { id: card.id, title: card.title } }),
    ]);
  });

  it("refuses a card that is missing, held or another tenant's alike (400 unknown_card), writing nothing", async () => {
    const idea = await newIdea('Idea whose answer cannot be named');
    for (const id of ['no-such-card', heldCard.id, FOREIGN_CARD]) {
      const res = await setStatus(idea.id, { status: 'already_available', reason: REASON, card: id });
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error).toMatchObject({
        reason: 'validation_failed.unknown_card',
        params: { id },
        details: [{ path: 'body.card', reason: 'field.unknown_link', params: { kind: 'card', id } }],
      });
      expect(JSON.stringify(error)).not.toContain('Fabrikam');
    }
    expect(await stored(idea.id)).toMatchObject({ status: 'open', answeredBy: null });
    const changes = await env.DB.prepare('select count(*) as n from idea_status_changes where idea_id = ?').bind(idea.id).first();
    expect(changes).toEqual({ n: 0 });
  });

  it('keeps the answer through a later deflection or done without a card, and clears it on any other status', async () => {
    const card = await newCard();
    const idea = await newIdea('Idea whose answer moves through statuses');
    const statusCard = async () => (await json<Idea>(await send('GET', `${DEMO}/ideas/${idea.id}`, null))).status.card?.id ?? null;
    expect((await setStatus(idea.id, { status: 'self_service', reason: REASON, card: card.id })).status).toBe(200);
    expect((await setStatus(idea.id, { status: 'already_available', reason: 'Reworded: the tools are already there.' })).status).toBe(200);
    expect(await statusCard()).toBe(card.id);
    expect((await setStatus(idea.id, { status: 'done' })).status).toBe(200);
    expect(await statusCard()).toBe(card.id);
    expect((await setStatus(idea.id, { status: 'planned' })).status).toBe(200);
    expect(await statusCard()).toBeNull();
    expect((await stored(idea.id))?.answeredBy).toBeNull();
    expect((await setStatus(idea.id, { status: 'done' })).status).toBe(200);
    expect(await statusCard()).toBeNull();
    // Each change records only the card it named.
    const history = await json<{ items: StatusChange[] }>(await send('GET', `${DEMO}/ideas/${idea.id}/status-history`, null));
    expect(history.items.map((h) => [h.to, h.card?.id ?? null])).toEqual([
      ['done', null],
      ['planned', null],
      ['done', null],
      ['already_available', null],
      ['self_service', card.id],
    ]);
  });

  it('drops the answer of a duplicate merged into another idea, as any status change that is not a deflection or done', async () => {
    const card = await newCard();
    const duplicate = await newIdea('Duplicate request answered by a card');
    const original = await newIdea('Original request the duplicate joins');
    expect((await setStatus(duplicate.id, { status: 'already_available', reason: REASON, card: card.id })).status).toBe(200);
    expect((await readCard(card.id)).answered).toBe(1);
    const moderator = await token({ sub: 'answers-mo', name: 'Mo Moderator', extra: { roles: ['Bridgekit.Moderator'] } });
    expect((await send('POST', `${DEMO}/ideas/${duplicate.id}/merge`, moderator, { into: original.id })).status).toBe(200);
    expect((await stored(duplicate.id))?.answeredBy).toBeNull();
    expect((await readCard(card.id)).answered).toBe(0);
  });

  it("counts the requests a card answered and lists them in the card's links, published ideas only", async () => {
    const card = await newCard();
    const first = await newIdea('First request the card answers');
    const second = await newIdea('Second request the card answers');
    const held = await newIdea('Held request the card answers');
    for (const idea of [first, second, held]) {
      expect((await setStatus(idea.id, { status: 'already_available', reason: REASON, card: card.id })).status).toBe(200);
    }
    await env.DB.prepare("update ideas set state = 'pending' where id = ?").bind(held.id).run();
    expect(await readCard(card.id)).toMatchObject({ answered: 2, sparked: 0 });
    const answers = (await linksOf(card.id)).ideas.filter((i) => i.direction === 'answers');
    expect(answers.map((i) => i.id).sort()).toEqual([first.id, second.id].sort());
    expect(answers.find((i) => i.id === first.id)?.title).toBe('First request the card answers');
  });
});

describe('duplicate suggestions', () => {
  it('carry the status reason and the card that answered the idea, still in one query', async () => {
    const card = await newCard();
    const answered = await newIdea('Nightly warehouse capacity snapshot export');
    expect((await setStatus(answered.id, { status: 'self_service', reason: REASON, card: card.id })).status).toBe(200);
    const open = await newIdea('Warehouse capacity planning dashboard');
    const { items } = await json<{ items: SimilarIdea[] }>(
      await send('GET', `${DEMO}/boards/general/ideas/similar?q=${encodeURIComponent('warehouse capacity')}`, null),
    );
    expect(items.find((i) => i.id === answered.id)).toMatchObject({
      closed: true,
      reason: REASON,
      answeredBy: { id: card.id, title: card.title },
    });
    expect(items.find((i) => i.id === open.id)).toMatchObject({ closed: false, reason: null, answeredBy: null });

    // Through the tenant's versioned binding, as every write of a request is: the cached suggestions see it.
    await versioned(env.DB, DEMO_TENANT.id).prepare("update cards set state = 'pending' where id = ?").bind(card.id).run();
    const again = await json<{ items: SimilarIdea[] }>(
      await send('GET', `${DEMO}/boards/general/ideas/similar?q=${encodeURIComponent('warehouse capacity')}`, null),
    );
    expect(again.items.find((i) => i.id === answered.id)?.answeredBy).toBeNull();
  });
});

describe('an idea proposed from a card', () => {
  it('records the card, and answers the same idea when the same person proposes the same title from it again', async () => {
    const card = await newCard();
    const idea = await newIdea('Partner review cadence for every region', { sourceCard: card.id });
    expect((await stored(idea.id))?.sourceCard).toBe(card.id);

    const again = await propose('Partner review cadence for every region', { sourceCard: card.id, description: 'Resent' });
    expect(again.status).toBe(200);
    expect((await json<Idea>(again)).id).toBe(idea.id);
    // Someone else, another title or no card: new ideas.
    const byOther = await newIdea('Partner review cadence for every region', { sourceCard: card.id }, await other());
    const otherTitle = await newIdea('Partner review cadence per quarter', { sourceCard: card.id });
    expect(new Set([idea.id, byOther.id, otherTitle.id]).size).toBe(3);
    const rows = await env.DB.prepare('select count(*) as n from ideas where source_card_id = ?').bind(card.id).first();
    expect(rows).toEqual({ n: 3 });
  });

  it('makes one idea when the same proposal arrives several times at once', async () => {
    const card = await newCard();
    const t = await author();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => propose('Simultaneous proposal from a card', { sourceCard: card.id }, t)),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 201)).toBe(true);
    const ids = new Set(await Promise.all(answers.map(async (r) => (await json<Idea>(r)).id)));
    expect(ids.size).toBe(1);
    const rows = await env.DB.prepare('select count(*) as n from ideas where source_card_id = ?').bind(card.id).first();
    expect(rows).toEqual({ n: 1 });
  });

  it("refuses a card that is missing, held or another tenant's alike (400 unknown_card), writing nothing", async () => {
    for (const id of ['no-such-card', heldCard.id, FOREIGN_CARD]) {
      const res = await propose(`Proposed from card ${id}`, { sourceCard: id });
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error).toMatchObject({
        reason: 'validation_failed.unknown_card',
        params: { id },
        details: [{ path: 'body.sourceCard', reason: 'field.unknown_link' }],
      });
      expect(JSON.stringify(error)).not.toContain('Fabrikam');
    }
    const rows = await env.DB.prepare("select count(*) as n from ideas where title like 'Proposed from card %'").first();
    expect(rows).toEqual({ n: 0 });
  });

  it("counts the ideas sparked by a card and lists them in the card's links, published ideas only", async () => {
    const card = await newCard();
    const sparked = await newIdea('An idea sparked by the partner profile', { sourceCard: card.id });
    const held = await newIdea('A held idea sparked by the partner profile', { sourceCard: card.id });
    await env.DB.prepare("update ideas set state = 'pending' where id = ?").bind(held.id).run();
    expect(await readCard(card.id)).toMatchObject({ answered: 0, sparked: 1 });
    expect((await linksOf(card.id)).ideas.filter((i) => i.direction === 'sparked')).toEqual([
      { id: sparked.id, title: 'An idea sparked by the partner profile', direction: 'sparked' },
    ]);
    // Card lists carry the counts too (the same columns).
    const demo = await readCard(demoCardId('business-case'));
    expect(typeof demo.answered).toBe('number');
  });
});

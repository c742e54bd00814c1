/**
 * Ideas and practice cards pass the same moderation pipeline as comments (banned and suspect
 * words, links, repeats, pre-moderation; bans and time-outs), wait in the same queue, and are
 * decided and audited like comments. Held items are invisible to everyone but their author and
 * moderators; a held edit of a published card leaves the published version in place.
 */
import { env } from 'cloudflare:workers';
import type {
  AuditEntry,
  Board,
  CardQueueItem,
  CardSummary,
  CardVersion,
  Idea,
  IdeaQueueItem,
  ModerationSettings,
  Page,
  PracticeCard,
  QueueItem,
  SimilarIdea,
} from '@bridgekit/sdk';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { clearTenantCache } from '../src/store/tenants.ts';
import { call, DEMO, errorOf, json, token } from './helpers.ts';

const BOARD = `${DEMO}/boards/innovation-lab`;
const CARDS = `${DEMO}/cards`;
let ada: string;
let ben: string;
let cleo: string;
let mod: string;
let admin: string;

beforeAll(async () => {
  [ada, ben, cleo, mod, admin] = await Promise.all([
    token({ sub: 'items-ada', name: 'Ada Lovelace' }),
    token({ sub: 'items-ben', name: 'Ben Okoro' }),
    token({ sub: 'items-cleo', name: 'Cleo Park' }),
    token({ sub: 'items-mod', name: 'Mo Derator', extra: { roles: ['Bridgekit.Moderator'] } }),
    token({ sub: 'items-boss', name: 'Ad Min', extra: { roles: ['Bridgekit.Admin'] } }),
  ]);
});

async function configure(update: Partial<ModerationSettings>): Promise<void> {
  const res = await call(`${DEMO}/moderation/settings`, { method: 'PATCH', token: admin, body: JSON.stringify(update) });
  if (res.status !== 200) throw new Error(`settings: ${res.status} ${await res.text()}`);
  clearTenantCache();
}
// Each test starts from the defaults (maxLinks 3, repeats within 10 minutes refused), no lists, no pre-moderation.
beforeEach(() => configure({ preModeration: 'off', bannedWords: [], suspectWords: [], maxLinks: 3 }));

const send = (method: string, url: string, t: string | undefined, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const submitRaw = (t: string, idea: Record<string, unknown>) => send('POST', `${BOARD}/ideas`, t, idea);
async function submit(t: string, idea: Record<string, unknown>): Promise<Idea> {
  const res = await submitRaw(t, idea);
  if (res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`);
  return json<Idea>(res);
}
const boardIdeas = async (t?: string) => (await json<Page<Idea>>(await send('GET', `${BOARD}/ideas?limit=100`, t))).items.map((i) => i.id);
const ideaCount = async () => (await json<Board>(await send('GET', BOARD, ben))).ideaCount;
const queue = async (query = '') => json<Page<QueueItem>>(await send('GET', `${DEMO}/moderation/queue?${query}`, mod));
const queuedIdea = async (id: string) => (await queue()).items.find((i): i is IdeaQueueItem => i.kind === 'idea' && i.idea.id === id);
const queuedCard = async (id: string) =>
  (await queue('kind=card')).items.find((i): i is CardQueueItem => i.kind === 'card' && i.card.id === id);
const decideIdea = (id: string, decision: unknown, t = mod) => send('POST', `${DEMO}/ideas/${id}/moderation`, t, decision);
const decideCard = (id: string, decision: unknown, t = mod) => send('POST', `${CARDS}/${id}/moderation`, t, decision);
const lastAudit = async () => (await json<Page<AuditEntry>>(await send('GET', `${DEMO}/moderation/audit-log?limit=1`, admin))).items[0];
const userIdOf = async (subject: string) =>
  (await env.DB.prepare("select id from users where tenant_id = 'demo-tenant' and subject = ?").bind(subject).first<{ id: string }>())?.id;

const example = (templateId: string, title: string) => {
  const e = EXAMPLE_CARDS[templateId];
  if (!e) throw new Error(`no example for ${templateId}`);
  return { templateId, title, summary: e.summary, fields: e.fields, tags: e.tags, maturityLevel: e.maturityLevel };
};
async function createCard(t: string, input: Record<string, unknown>): Promise<PracticeCard> {
  const res = await send('POST', CARDS, t, input);
  if (res.status !== 201) throw new Error(`create card: ${res.status} ${await res.text()}`);
  return json<PracticeCard>(res);
}
const saveCard = (t: string, card: PracticeCard, change: Record<string, unknown>) =>
  send('PUT', `${CARDS}/${card.id}`, t, { title: card.title, fields: card.fields, baseVersion: card.version, ...change });
const listedCards = async (t: string, query = '') =>
  (await json<Page<CardSummary>>(await send('GET', `${CARDS}?limit=100${query}`, t))).items.map((c) => c.id);

describe('ideas pass the moderation pipeline', () => {
  it('refuses an idea from a banned person (403) and writes nothing', async () => {
    await submit(cleo, { title: 'A first idea from Cleo' });
    const cleoId = await userIdOf('items-cleo');
    expect((await send('PUT', `${DEMO}/users/${cleoId}/restriction`, mod, { reason: 'Spam' })).status).toBe(200);
    const res = await submitRaw(cleo, { title: 'Cheap watches', description: 'https://spam.example' });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toBe('A moderator banned you from posting. Reason: Spam');
    expect(await env.DB.prepare("select count(*) as n from ideas where title = 'Cheap watches'").first()).toEqual({ n: 0 });
    await send('DELETE', `${DEMO}/users/${cleoId}/restriction`, mod);
  });

  it('holds an idea with 20 links: its author sees why, nobody else sees it, counts it, finds it or backs it', async () => {
    const before = await ideaCount();
    const description = Array.from({ length: 20 }, (_, i) => `Buy at https://shop${i}.example now.`).join(' ');
    const held = await submit(ada, { title: 'Discount laptops for everyone', description });
    expect(held.moderation).toEqual({
      state: 'pending',
      reason: '20 links (the limit is 3)',
      reasonCode: 'held.links',
      reasonParams: { count: 20, max: 3 },
    });

    // Others: not on the board, not counted, not found, not readable, not votable.
    expect(await boardIdeas(ben)).not.toContain(held.id);
    expect(await boardIdeas()).not.toContain(held.id);
    expect(await ideaCount()).toBe(before);
    const similar = await json<{ items: SimilarIdea[] }>(await send('GET', `${BOARD}/ideas/similar?q=discount+laptops`, ben));
    expect(similar.items.map((i) => i.id)).not.toContain(held.id);
    expect((await send('GET', `${DEMO}/ideas/${held.id}`, ben)).status).toBe(404);
    expect((await send('PUT', `${DEMO}/ideas/${held.id}/vote`, ben)).status).toBe(404);
    expect(await env.DB.prepare('select count(*) as n from votes where idea_id = ?').bind(held.id).first()).toEqual({ n: 0 });

    // Its author: on the board and by id, marked, with the reason; but no votes yet.
    expect(await boardIdeas(ada)).toContain(held.id);
    expect((await json<Idea>(await send('GET', `${DEMO}/ideas/${held.id}`, ada))).moderation.state).toBe('pending');
    const ownVote = await send('PUT', `${DEMO}/ideas/${held.id}/vote`, ada);
    expect(ownVote.status).toBe(409);
    // Moderators: in the queue, and by id.
    expect(await queuedIdea(held.id)).toMatchObject({
      kind: 'idea',
      reason: 'pending',
      detail: '20 links (the limit is 3)',
      detailCode: 'held.links',
      detailParams: { count: 20, max: 3 },
    });
    expect((await send('GET', `${DEMO}/ideas/${held.id}`, mod)).status).toBe(200);
  });

  it('pre-moderation "all" holds every idea; a banned word refuses one, naming the field; a suspect word holds one', async () => {
    await configure({ preModeration: 'all' });
    const held = await submit(ben, { title: 'Self-service travel booking' });
    expect(held.moderation).toEqual({
      state: 'pending',
      reason: 'Pre-moderation: every idea is reviewed',
      reasonCode: 'held.every_idea',
      reasonParams: {},
    });
    expect(await boardIdeas(ada)).not.toContain(held.id);
    // Moderators are trusted.
    expect((await submit(mod, { title: 'Staff idea: a better intranet search' })).moderation.state).toBe('published');

    await configure({ preModeration: 'off', bannedWords: ['bribe'], suspectWords: ['crypto'] });
    const refused = await submitRaw(ben, { title: 'Faster approvals', businessCase: { problem: 'Suppliers ask for a bribe' } });
    expect(refused.status).toBe(422);
    const said = 'Your idea contains "bribe" (in the problem), which this community does not allow. Remove it and submit again.';
    const reason = { reason: 'idea_rejected.banned_word_in', params: { word: 'bribe', field: 'the problem' } };
    expect(await errorOf(refused)).toEqual({
      code: 'idea_rejected',
      ...reason,
      message: said,
      details: [{ path: 'body.businessCase.problem', message: said, ...reason }],
      requestId: expect.any(String),
    });
    expect(await env.DB.prepare("select count(*) as n from ideas where title = 'Faster approvals'").first()).toEqual({ n: 0 });

    const suspect = await submit(ben, { title: 'Pay suppliers in Crypto' });
    // The author learns it waits, not which word; the moderator sees the word and where.
    expect(suspect.moderation).toEqual({
      state: 'pending',
      reason: 'Contains a word moderators review before it is published',
      reasonCode: 'held.suspect_word_hidden',
      reasonParams: {},
    });
    expect((await queuedIdea(suspect.id))?.detail).toBe('Contains the suspect word "crypto" (in the title)');
    expect((await json<Idea>(await send('GET', `${DEMO}/ideas/${suspect.id}`, mod))).moderation.reason).toBe(
      'Contains the suspect word "crypto" (in the title)',
    );
  });

  it('refuses the same idea twice from one person within the repeat window', async () => {
    await submit(cleo, { title: 'Digital signatures for contracts', description: 'No more printing.' });
    const again = await submitRaw(cleo, { title: 'digital  signatures for CONTRACTS!', description: 'No more printing' });
    expect(again.status).toBe(422);
    expect((await errorOf(again)).message).toMatch(/^You submitted the same text a moment ago\./);
  });

  it('approve publishes a held idea everywhere; reject keeps it from others, with the reason for its author; both audited', async () => {
    await configure({ preModeration: 'all' });
    const before = await ideaCount();
    const good = await submit(ada, { title: 'Shared team calendars' });
    const bad = await submit(ada, { title: 'Let us all take Fridays off' });
    await configure({ preModeration: 'off' });

    expect((await decideIdea(good.id, { action: 'approve' }, ada)).status).toBe(403);
    const approved = await json<Idea>(await decideIdea(good.id, { action: 'approve' }));
    expect(approved.moderation).toEqual({ state: 'published', reason: null, reasonCode: null, reasonParams: {} });
    expect(await boardIdeas(ben)).toContain(good.id);
    expect(await ideaCount()).toBe(before + 1);
    const found = await json<{ items: SimilarIdea[] }>(await send('GET', `${BOARD}/ideas/similar?q=shared+calendars`, ben));
    expect(found.items.map((i) => i.id)).toContain(good.id);
    expect((await send('PUT', `${DEMO}/ideas/${good.id}/vote`, ben)).status).toBe(200);
    expect(await lastAudit()).toMatchObject({ action: 'approve', target: { type: 'idea', id: good.id }, actor: { name: 'Mo Derator' } });

    expect((await decideIdea(bad.id, { action: 'reject' })).status).toBe(400);
    const rejected = await json<Idea>(await decideIdea(bad.id, { action: 'reject', reason: 'Not an IT-enabled idea' }));
    // A moderator's own words have no reason code: they are shown as written.
    expect(rejected.moderation).toEqual({ state: 'rejected', reason: 'Not an IT-enabled idea', reasonCode: null, reasonParams: {} });
    expect((await send('GET', `${DEMO}/ideas/${bad.id}`, ben)).status).toBe(404);
    expect(await boardIdeas(ben)).not.toContain(bad.id);
    expect((await json<Idea>(await send('GET', `${DEMO}/ideas/${bad.id}`, ada))).moderation).toEqual({
      state: 'rejected',
      reason: 'Not an IT-enabled idea',
      reasonCode: null,
      reasonParams: {},
    });
    expect(await lastAudit()).toMatchObject({ action: 'reject', target: { type: 'idea', id: bad.id }, reason: 'Not an IT-enabled idea' });
    expect((await queue('kind=idea')).items.map((i) => (i.kind === 'idea' ? i.idea.id : ''))).not.toContain(bad.id);
    // Triage waits for the decision too.
    await configure({ preModeration: 'all' });
    const waiting = await submit(ada, { title: 'Chatbot for the service desk' });
    const status = await send('PUT', `${DEMO}/ideas/${waiting.id}/status`, mod, { status: 'planned' });
    expect(status.status).toBe(409);
  });
});

describe('practice cards pass the moderation pipeline', () => {
  it('refuses a banned word in a card field (422 card_rejected, at the field), on create and on save; a banned person cannot save', async () => {
    await configure({ bannedWords: ['bribe'] });
    const input = example('business-case', 'Faster supplier onboarding');
    const refused = await send('POST', CARDS, ben, {
      ...input,
      fields: { ...input.fields, executiveSummary: 'Suppliers wait weeks. A small **bribe** speeds it up.' },
    });
    expect(refused.status).toBe(422);
    const error = await errorOf(refused);
    expect(error.code).toBe('card_rejected');
    expect(error.message).toBe(
      'Your card contains "bribe" (in Executive summary), which this community does not allow. Remove it and save again.',
    );
    expect(error).toMatchObject({ reason: 'card_rejected.banned_word_in', params: { word: 'bribe', field: 'Executive summary' } });
    expect(error.details).toEqual([
      { path: 'body.fields.executiveSummary', message: error.message, reason: 'card_rejected.banned_word_in', params: error.params },
    ]);
    expect(await env.DB.prepare("select count(*) as n from cards where title = 'Faster supplier onboarding'").first()).toEqual({ n: 0 });

    const card = await createCard(ben, input);
    const edit = await saveCard(ben, card, { title: 'Faster supplier onboarding (bribe-free)' });
    expect(edit.status).toBe(422);
    expect((await errorOf(edit)).details).toEqual([expect.objectContaining({ path: 'body.title' })]);
    expect((await json<PracticeCard>(await send('GET', `${CARDS}/${card.id}`, ada))).version).toBe(1);

    await configure({ bannedWords: [] });
    const benId = await userIdOf('items-ben');
    await send('PUT', `${DEMO}/users/${benId}/restriction`, mod, {
      reason: 'Cool down',
      until: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const restricted = await saveCard(ben, card, { title: 'Faster supplier onboarding, revised' });
    expect(restricted.status).toBe(403);
    expect((await errorOf(restricted)).message).toMatch(/^A moderator paused your posting until .*Reason: Cool down$/);
    await send('DELETE', `${DEMO}/users/${benId}/restriction`, mod);
  });

  it('pre-moderation "all" holds a new card whole: only its author and moderators see it, until approved', async () => {
    await configure({ preModeration: 'all' });
    const held = await createCard(ada, { ...example('stakeholder-map', 'Stakeholders of the travel project'), visibility: 'everyone' });
    expect(held.moderation).toEqual({
      state: 'pending',
      reason: 'Pre-moderation: every card is reviewed',
      reasonCode: 'held.every_card',
      reasonParams: {},
    });
    await configure({ preModeration: 'off' });

    expect((await send('GET', `${CARDS}/${held.id}`, ben)).status).toBe(404);
    expect((await send('GET', `${CARDS}/${held.id}/versions`, ben)).status).toBe(404);
    expect((await send('GET', `${CARDS}/${held.id}/links`, ben)).status).toBe(404);
    expect((await send('PUT', `${CARDS}/${held.id}/helped`, ben)).status).toBe(404);
    expect(await listedCards(ben)).not.toContain(held.id);
    expect(await listedCards(ben, '&q=travel+project')).not.toContain(held.id);
    // Nobody can cite it yet.
    const cite = example('stakeholder-map', 'Cites the held card');
    const citing = await send('POST', CARDS, ben, { ...cite, fields: { ...cite.fields, subject: { kind: 'card', id: held.id } } });
    expect(citing.status).toBe(400);

    expect(await listedCards(ada)).toContain(held.id);
    expect((await json<PracticeCard>(await send('GET', `${CARDS}/${held.id}`, ada))).moderation.state).toBe('pending');
    const item = await queuedCard(held.id);
    expect(item).toMatchObject({ kind: 'card', edit: null, reason: 'pending', detail: 'Pre-moderation: every card is reviewed' });
    // What the moderator reads: every value the new card fills in, labelled as in the form.
    expect(item?.changes.map((c) => c.label)).toEqual(expect.arrayContaining(['Summary', 'Practice areas', 'Stakeholders']));
    expect(item?.authorId).toBe(await userIdOf('items-ada'));

    const approved = await json<PracticeCard>(await decideCard(held.id, { action: 'approve' }));
    expect(approved.moderation).toEqual({ state: 'published', reason: null, reasonCode: null, reasonParams: {} });
    expect((await send('GET', `${CARDS}/${held.id}`, ben)).status).toBe(200);
    expect(await listedCards(ben, '&q=travel+project')).toContain(held.id);
    expect(await lastAudit()).toMatchObject({ action: 'approve', target: { type: 'card', id: held.id } });
  });

  it('holds an edit of a published card as a pending edit: readers keep the published version until a moderator approves it', async () => {
    const card = await createCard(ada, example('business-case', 'Self-service reporting'));
    await configure({ preModeration: 'all' });
    const res = await saveCard(ben, card, { title: 'Self-service reporting for Zanzibar', note: 'Name the partner' });
    expect(res.status).toBe(200);
    const answer = await json<PracticeCard>(res);
    expect(answer).toMatchObject({ version: 1, title: 'Self-service reporting' });
    expect(answer.pendingEdit).toMatchObject({
      state: 'pending',
      reason: 'Pre-moderation: every card edit is reviewed',
      reasonCode: 'held.every_card_edit',
      baseVersion: 1,
    });
    await configure({ preModeration: 'off' });

    // Readers see version 1, and nothing of the edit.
    const read = await json<PracticeCard>(await send('GET', `${CARDS}/${card.id}`, cleo));
    expect(read).toMatchObject({ version: 1, title: 'Self-service reporting', pendingEdit: null, moderation: { state: 'published' } });
    expect((await json<{ items: CardVersion[] }>(await send('GET', `${CARDS}/${card.id}/versions`, cleo))).items).toHaveLength(1);
    expect(await listedCards(cleo, '&q=zanzibar')).not.toContain(card.id);

    const item = await queuedCard(card.id);
    expect(item?.edit).toMatchObject({ baseVersion: 1 });
    expect(item?.changes).toEqual([
      { path: 'title', label: 'Title', change: 'changed', before: 'Self-service reporting', after: 'Self-service reporting for Zanzibar' },
    ]);
    expect(item?.card).toMatchObject({ title: 'Self-service reporting for Zanzibar', version: 2, updatedBy: 'Ben Okoro' });
    expect(item?.authorId).toBe(await userIdOf('items-ben'));

    const approved = await json<PracticeCard>(await decideCard(card.id, { action: 'approve', edit: item?.edit?.id }));
    expect(approved).toMatchObject({ version: 2, title: 'Self-service reporting for Zanzibar', updatedBy: 'Ben Okoro' });
    const versions = await json<{ items: CardVersion[] }>(await send('GET', `${CARDS}/${card.id}/versions`, cleo));
    expect(versions.items[0]).toMatchObject({ version: 2, by: 'Ben Okoro', note: 'Name the partner' });
    expect(await listedCards(cleo, '&q=zanzibar')).toContain(card.id);
    expect((await json<PracticeCard>(await send('GET', `${CARDS}/${card.id}`, ben))).pendingEdit).toBeNull();
    expect(await queuedCard(card.id)).toBeUndefined();
  });

  it('a rejected edit stays with its author, with the reason; an edit overtaken by a newer version cannot be approved', async () => {
    const card = await createCard(ada, example('value-realization-plan', 'Benefits of the new ERP'));
    await configure({ suspectWords: ['crypto'] });
    const held = await json<PracticeCard>(await saveCard(ben, card, { title: 'Benefits of the new ERP, paid in crypto' }));
    expect(held.pendingEdit).toMatchObject({ state: 'pending', reason: 'Contains a word moderators review before it is published' });
    const editId = held.pendingEdit?.id;
    const rejected = await json<PracticeCard>(await decideCard(card.id, { action: 'reject', reason: 'Off topic', edit: editId }));
    expect(rejected.title).toBe('Benefits of the new ERP');
    expect((await json<PracticeCard>(await send('GET', `${CARDS}/${card.id}`, ben))).pendingEdit).toMatchObject({
      id: editId,
      state: 'rejected',
      reason: 'Off topic',
    });
    expect((await json<PracticeCard>(await send('GET', `${CARDS}/${card.id}`, cleo))).pendingEdit).toBeNull();
    expect(await lastAudit()).toMatchObject({ action: 'reject', target: { type: 'card', id: card.id }, reason: 'Off topic' });

    // Cleo's held edit of version 1 is overtaken by Ada's published version 2.
    const stale = await json<PracticeCard>(await saveCard(cleo, card, { title: 'Crypto benefits of the new ERP' }));
    await configure({ suspectWords: [] });
    expect((await saveCard(ada, card, { title: 'Benefits of the new ERP (2027)' })).status).toBe(200);
    const overtaken = await decideCard(card.id, { action: 'approve', edit: stale.pendingEdit?.id });
    expect(overtaken.status).toBe(409);
    expect((await errorOf(overtaken)).message).toMatch(/made to version 1, and the card is at version 2/);
    expect((await json<PracticeCard>(await send('GET', `${CARDS}/${card.id}`, cleo))).title).toBe('Benefits of the new ERP (2027)');
  });

  it('holds a card save with more links than the limit', async () => {
    await configure({ maxLinks: 1 });
    const input = example('business-case', 'Cloud cost dashboards');
    const links = 'See https://a.example, https://b.example and [the wiki](https://c.example).';
    const card = await createCard(cleo, { ...input, fields: { ...input.fields, reasons: links } });
    expect(card.moderation).toEqual({
      state: 'pending',
      reason: '3 links (the limit is 1)',
      reasonCode: 'held.links',
      reasonParams: { count: 3, max: 1 },
    });
  });
});

describe('the queue', () => {
  it('lists comments, ideas and cards together, oldest first, filters by kind, and pages across kinds', async () => {
    await configure({ preModeration: 'all' });
    const comment = await json<{ id: string }>(
      await send('POST', `${DEMO}/threads/comments`, ben, { key: 'queue-mix', body: 'A held comment' }),
    );
    const idea = await submit(ben, { title: 'A held idea for the mixed queue' });
    const card = await createCard(ben, example('stakeholder-map', 'A held card for the mixed queue'));
    await configure({ preModeration: 'off' });

    const all = await queue('limit=100');
    const ids = all.items.map((i) => (i.kind === 'comment' ? i.comment.id : i.kind === 'idea' ? i.idea.id : i.card.id));
    const mine = [comment.id, idea.id, card.id];
    expect(ids.filter((id) => mine.includes(id))).toEqual(mine);
    expect(new Set(all.items.map((i) => i.kind))).toEqual(new Set(['comment', 'idea', 'card']));
    expect((await queue('kind=idea&limit=100')).items.every((i) => i.kind === 'idea')).toBe(true);
    expect((await queue('reason=flagged&limit=100')).items.every((i) => i.kind === 'comment')).toBe(true);

    // One item per page: every item once, in the same order.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<QueueItem> = await queue(`limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(
        ...page.items.map((i) => (i.kind === 'comment' ? i.comment.id : i.kind === 'idea' ? i.idea.id : (i.edit?.id ?? i.card.id))),
      );
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(
      all.items.map((i) => (i.kind === 'comment' ? i.comment.id : i.kind === 'idea' ? i.idea.id : (i.edit?.id ?? i.card.id))),
    );
    expect((await send('GET', `${DEMO}/moderation/queue`, ben)).status).toBe(403);
  });
});

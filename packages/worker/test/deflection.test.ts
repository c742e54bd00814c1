/**
 * Deflection with follow-through: the outcomes beyond "declined" (bundled, business-owned,
 * deferred with a revisit date, needs a sponsor), the requester's word on whether a deflection
 * met the need, the effort a card is credited with, and the export's deflection columns.
 */
import { env } from 'cloudflare:workers';
import type { Idea, PracticeCard } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { call, DEMO, errorOf, json, token, useTestRoleClaims } from './helpers.ts';

const requester = () => token({ sub: 'deflect-author', name: 'Rhea Requester', bu: 'Finance' });
const stranger = () => token({ sub: 'deflect-other', name: 'Otto Other', bu: 'Sales' });
const evaluator = () => token({ sub: 'deflect-eva', name: 'Eva Evaluator', extra: { roles: ['Bridgekit.Evaluator'] } });

const send = async (method: string, url: string, t: string | null, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
async function newIdea(title: string, board = 'general', effort?: string): Promise<Idea> {
  const body = { title, businessCase: { problem: 'We keep asking for this.', valueType: 'cost', ...(effort ? { effort } : {}) } };
  const res = await send('POST', `${DEMO}/boards/${board}/ideas`, await requester(), body);
  expect(res.status, await res.clone().text()).toBe(201);
  return json<Idea>(res);
}
const setStatus = async (id: string, body: unknown) => send('PUT', `${DEMO}/ideas/${id}/status`, await evaluator(), body);
const needMet = async (id: string, met: unknown, t?: string | null) =>
  send('POST', `${DEMO}/ideas/${id}/need-met`, t === undefined ? await requester() : t, { met });

const REASON = 'Finance already runs this report in the planning tool every month.';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function newCard(title: string): Promise<PracticeCard> {
  const e = EXAMPLE_CARDS['business-partner-profile'];
  if (!e) throw new Error('no example card');
  const res = await send('POST', `${DEMO}/cards`, await requester(), { templateId: 'business-partner-profile', title, fields: e.fields });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<PracticeCard>(res);
}

beforeAll(useTestRoleClaims);

describe('outcomes beyond "declined"', () => {
  it('defers with a revisit date after today: missing, past, today or given to another status is a 400', async () => {
    const idea = await newIdea('Archive the old supplier portal');
    const missing = await setStatus(idea.id, { status: 'deferred', reason: REASON });
    expect(missing.status).toBe(400);
    expect(await errorOf(missing)).toMatchObject({
      reason: 'validation_failed.revisit_date',
      details: [{ path: 'body.revisitOn', reason: 'field.revisit_date' }],
    });
    for (const revisitOn of [day(-1), day(0)]) {
      const past = await setStatus(idea.id, { status: 'deferred', reason: REASON, revisitOn });
      expect(past.status).toBe(400);
      expect((await errorOf(past)).reason).toBe('validation_failed.revisit_date_past');
    }
    const malformed = await setStatus(idea.id, { status: 'deferred', reason: REASON, revisitOn: '2027-02-30' });
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).details?.[0]?.path).toBe('body.revisitOn');
    const unused = await setStatus(idea.id, { status: 'under_review', revisitOn: day(30) });
    expect(unused.status).toBe(400);
    expect((await errorOf(unused)).reason).toBe('validation_failed.revisit_date_unused');
    // Nothing was written by any refusal.
    expect((await json<Idea>(await send('GET', `${DEMO}/ideas/${idea.id}`, null))).status).toMatchObject({ key: 'open', revisitOn: null });

    const res = await setStatus(idea.id, { status: 'deferred', reason: REASON, revisitOn: day(90) });
    expect(res.status, await res.clone().text()).toBe(200);
    const deferred = await json<Idea>(res);
    expect(deferred.status).toMatchObject({ key: 'deferred', category: 'declined', revisitOn: day(90), deflection: false });
    expect(deferred.closed).toBe(true);
    // Revisited: reopening clears the date.
    const reopened = await json<Idea>(await setStatus(idea.id, { status: 'under_review' }));
    expect(reopened.status).toMatchObject({ key: 'under_review', revisitOn: null });
    expect(reopened.closed).toBe(false);
  });

  it('needs a sponsor: a reason, and the idea stays open with its budget votes in place', async () => {
    const idea = await newIdea('Supplier self-billing for the top ten', 'finance-ops');
    const voter = await token({ sub: 'deflect-voter' });
    expect((await send('PUT', `${DEMO}/ideas/${idea.id}/vote`, voter, { votes: 2 })).status).toBe(200);
    expect((await setStatus(idea.id, { status: 'needs_sponsor' })).status).toBe(400);
    const res = await setStatus(idea.id, { status: 'needs_sponsor', reason: 'Who in Finance will own the supplier change?' });
    expect(res.status).toBe(200);
    const waiting = await json<Idea>(res);
    expect(waiting.status).toMatchObject({ key: 'needs_sponsor', category: 'under_review', deflection: false });
    expect(waiting.closed).toBe(false);
    const refunded = await env.DB.prepare('select sum(refunded) as n, sum(count) as votes from votes where idea_id = ?')
      .bind(idea.id)
      .first<{ n: number; votes: number }>();
    expect(refunded).toEqual({ n: 0, votes: 2 });
    // Still open: its backers may add support.
    expect((await send('PUT', `${DEMO}/ideas/${idea.id}/vote`, voter, { votes: 3 })).status).toBe(200);
  });

  it('bundles into an initiative and hands over to the business as deflections, each with a reason', async () => {
    for (const status of ['bundled', 'business_owned']) {
      const idea = await newIdea(`Outcome ${status} for the planning report`);
      expect((await setStatus(idea.id, { status })).status).toBe(400);
      const done = await json<Idea>(
        await setStatus(idea.id, { status, reason: REASON, link: 'https://intranet.example/initiatives/fp-a' }),
      );
      expect(done.status).toMatchObject({ key: status, category: 'declined', deflection: true, needMet: null });
      expect(done.closed).toBe(true);
    }
  });
});

describe('the requester’s word on a deflection', () => {
  it('is the author’s, on a deflected idea, and may change; others 403, unknown 404, signed out 401', async () => {
    const idea = await newIdea('A dashboard of open purchase orders');
    const open = await needMet(idea.id, true);
    expect(open.status).toBe(409);
    expect(await errorOf(open)).toMatchObject({ reason: 'conflict.need_met_not_deflected', params: { id: idea.id, status: 'Open' } });

    expect((await setStatus(idea.id, { status: 'already_available', reason: REASON })).status).toBe(200);
    const other = await needMet(idea.id, true, await stranger());
    expect(other.status).toBe(403);
    expect((await errorOf(other)).reason).toBe('forbidden.need_met_others_idea');
    expect((await needMet(idea.id, true, null)).status).toBe(401);
    expect((await needMet('no-such-idea', true)).status).toBe(404);
    const bad = await needMet(idea.id, 'yes');
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details?.[0]?.path).toBe('body.met');

    const yes = await needMet(idea.id, true);
    expect(yes.status).toBe(200);
    expect((await json<Idea>(yes)).status).toMatchObject({ deflection: true, needMet: true });
    const no = await json<Idea>(await needMet(idea.id, false));
    expect(no.status.needMet).toBe(false);

    // Rewording the deflection keeps the requester's word; a new kind of outcome asks afresh.
    const reworded = await json<Idea>(await setStatus(idea.id, { status: 'self_service', reason: `${REASON} Reworded.` }));
    expect(reworded.status.needMet).toBe(false);
    const reviewed = await json<Idea>(await setStatus(idea.id, { status: 'under_review' }));
    expect(reviewed.status.needMet).toBeNull();
    expect((await needMet(idea.id, true)).status).toBe(409);
  });

  it('tells whoever set the status', async () => {
    const idea = await newIdea('Monthly accruals checklist');
    await setStatus(idea.id, { status: 'business_owned', reason: REASON });
    expect((await needMet(idea.id, true)).status).toBe(200);
    const told = await env.DB.prepare(
      `select u.subject, e.data from notifications n join events e on e.id = n.event_id join users u on u.id = n.user_id
       where e.type = 'idea.need_confirmed' and e.item_id = ?`,
    )
      .bind(idea.id)
      .all<{ subject: string; data: string }>();
    expect(told.results.map((r) => r.subject)).toEqual([expect.stringContaining('deflect-eva')]);
    expect(JSON.parse(told.results[0]?.data ?? '{}')).toMatchObject({ met: true, status: 'business_owned' });
  });
});

describe('the effort a card is credited with', () => {
  it('counts the requests deflected to it, the confirmed ones, and the person-days of those not reported unmet', async () => {
    const card = await newCard('Planning report self-service guide');
    const small = await newIdea('Planning report by cost centre', 'general', 'S');
    const medium = await newIdea('Planning report by region', 'general', 'M');
    const large = await newIdea('Planning report by product line', 'general', 'XL');
    const delivered = await newIdea('Planning report pack', 'general', 'L');
    const unsized = await newIdea('Planning report in French');
    for (const i of [small, medium, large, unsized]) {
      expect((await setStatus(i.id, { status: 'self_service', reason: REASON, card: card.id })).status).toBe(200);
    }
    // A delivery naming the card is an answer, not a deflection.
    expect((await setStatus(delivered.id, { status: 'done', card: card.id })).status).toBe(200);
    await needMet(small.id, true);
    await needMet(large.id, false);

    const read = await json<PracticeCard>(await send('GET', `${DEMO}/cards/${card.id}`, await stranger()));
    expect(read.answered).toBe(5);
    // S 3 (confirmed) + M 10 (not said yet) + unsized 0; the XL one did not meet the need.
    expect(read.deflections).toEqual({ requests: 4, confirmed: 1, avoidedDays: 13 });

    // A card nobody was deflected to.
    const fresh = await newCard('Unused guide');
    expect(fresh.deflections).toEqual({ requests: 0, confirmed: 0, avoidedDays: 0 });
  });
});

describe('the export', () => {
  it('separates deflections from declines: deflection, outcome, revisit date and the requester’s word', async () => {
    const idea = await newIdea('Export me as a deflection');
    await setStatus(idea.id, { status: 'already_available', reason: REASON });
    await needMet(idea.id, true);
    const deferred = await newIdea('Export me as deferred');
    await setStatus(deferred.id, { status: 'deferred', reason: REASON, revisitOn: day(60) });
    const csv = await (await send('GET', `${DEMO}/boards/general/export`, await evaluator())).text();
    const [header = '', ...lines] = csv.trim().split('\r\n');
    const names = header.split(',');
    const row = (id: string) => {
      const cells = (lines.find((l) => l.startsWith(`${id},`)) ?? '').split(',');
      return Object.fromEntries(names.map((n, i) => [n, cells[i]]));
    };
    expect(row(idea.id)).toMatchObject({ deflection: 'yes', outcome: 'already_available', need_met: 'yes', revisit_on: '' });
    expect(row(deferred.id)).toMatchObject({ deflection: 'no', outcome: 'deferred', need_met: '', revisit_on: day(60) });
    expect(row('demo-idea-invoice')).toMatchObject({ deflection: 'no', outcome: 'under_review', need_met: '' });
  });
});

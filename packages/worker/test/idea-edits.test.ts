/**
 * People's own ideas (issue 14): the author edits their idea, keeping what it said before
 * (evaluators told through `scoreOutdated` when the scope changes after scoring), and withdraws
 * it; an evaluator records an idea on behalf of a business leader who does not sign in.
 */
import { env } from 'cloudflare:workers';
import type { Board, Idea, IdeaRevision, IdeaView, ModerationSettings, StatusChange, VoteState } from '@bridgekit/sdk';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearTenantCache } from '../src/store/tenants.ts';
import { admin, call, DEMO, errorOf, json, token, useTestRoleClaims } from './helpers.ts';

const person = (sub: string, name: string, bu?: string) => token({ sub, name, ...(bu ? { bu } : {}) });
const evaluator = () => token({ sub: 'edits|eva', name: 'Eva Evaluator', bu: 'IT', extra: { roles: ['Bridgekit.Evaluator'] } });
const moderator = () => token({ sub: 'edits|mo', name: 'Mo Moderator', extra: { roles: ['Bridgekit.Moderator'] } });
const adminToken = () => token({ sub: 'edits|boss', name: 'Ad Min', extra: { roles: ['Bridgekit.Admin'] } });

const send = (method: string, path: string, t: string | undefined, body?: unknown) =>
  call(`${DEMO}${path}`, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
async function submit(t: string, idea: Record<string, unknown>, board = 'general'): Promise<Idea> {
  const res = await send('POST', `/boards/${board}/ideas`, t, idea);
  expect(res.status, await res.clone().text()).toBe(201);
  return json<Idea>(res);
}
const edit = (id: string, t: string | undefined, body: unknown) => send('PATCH', `/ideas/${id}`, t, body);
async function edited(id: string, t: string, body: unknown): Promise<Idea> {
  const res = await edit(id, t, body);
  expect(res.status, await res.clone().text()).toBe(200);
  return json<Idea>(res);
}
const revisions = async (id: string, t?: string) =>
  (await json<{ items: IdeaRevision[] }>(await send('GET', `/ideas/${id}/revisions`, t))).items;
const withdraw = (id: string, t: string, reason?: string) =>
  send('POST', `/ideas/${id}/withdraw`, t, reason === undefined ? undefined : { reason });
const history = async (id: string) =>
  (await json<{ items: StatusChange[] }>(await send('GET', `/ideas/${id}/status-history`, undefined))).items;
const revisionCount = async (id: string) =>
  (await env.DB.prepare('select count(*) as n from idea_revisions where idea_id = ?').bind(id).first<{ n: number }>())?.n;
const SCORES = {
  impact: 4,
  financial: 3,
  strategic_alignment: 3,
  size: 'M',
  new_technology: false,
  third_party: true,
  ways_of_working: false,
};
const score = async (id: string) =>
  expect((await send('PUT', `/ideas/${id}/score`, await evaluator(), { scores: SCORES })).status).toBe(200);
/** Lets the clock move on, so that an edit and a score are never in the same millisecond. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function moderation(update: Partial<ModerationSettings>): Promise<void> {
  expect((await send('PATCH', '/moderation/settings', await adminToken(), update)).status).toBe(200);
  clearTenantCache();
}

beforeAll(async () => {
  await useTestRoleClaims();
  for (const [slug, refundOnClose, budget, perIdea, requiredFields] of [
    ['edits-refund', true, 4, 2, []],
    ['edits-keep', false, 4, 2, []],
    ['edits-proxy', true, 2, 1, []],
    ['edits-required', true, 10, 3, ['problem']],
  ] as const) {
    const created = await admin(`${DEMO}/boards`, 'POST', {
      slug,
      name: slug,
      settings: { voting: { mode: 'budget', budget, perIdea, refundOnClose }, requiredFields },
    });
    expect(created.status, await created.clone().text()).toBe(201);
  }
});
beforeEach(() => moderation({ preModeration: 'off', bannedWords: [], suspectWords: [] }));

describe('editing an idea', () => {
  it('keeps every earlier text, newest first, and shows when it was edited', async () => {
    const author = await person('edits|ada', 'Ada Author', 'Finance');
    const idea = await submit(author, {
      title: 'Shared calendars for the finance team',
      description: 'Nobody knows who is on leave.',
      businessCase: { problem: 'Leave clashes at month end.', effort: 'S' },
    });
    expect(idea).toMatchObject({ editedAt: null, recordedBy: null, scoreOutdated: false, mine: true });
    // Whose it is, as each reader sees it: the author's, nobody else's, never an anonymous reader's.
    const other = await person('edits|other', 'Otto Other', 'Finance');
    expect((await json<Idea>(await send('GET', `/ideas/${idea.id}`, other))).mine).toBe(false);
    expect((await json<IdeaView>(await send('GET', `/ideas/${idea.id}/view`, author))).idea.mine).toBe(true);
    expect((await json<IdeaView>(await send('GET', `/ideas/${idea.id}/view`, undefined))).idea.mine).toBe(false);
    const discussed = await send('POST', '/threads/comments', author, { key: `idea:${idea.id}`, body: 'Who else needs this?' });
    expect(discussed.status).toBe(201);

    const first = await edited(idea.id, author, { title: 'Shared calendars for finance and payroll' });
    expect(first).toMatchObject({ title: 'Shared calendars for finance and payroll', description: 'Nobody knows who is on leave.' });
    expect(first.editedAt).not.toBeNull();
    await tick();
    const second = await edited(idea.id, author, {
      description: 'Nobody knows who is on leave, or when.',
      lane: 'change_request',
      businessCase: { effort: 'M', problem: null, objective: 'Fewer clashes' },
    });
    expect(second).toMatchObject({
      lane: 'change_request',
      businessCase: { problem: null, beneficiary: null, valueType: null, effort: 'M', objective: 'Fewer clashes' },
    });
    expect(Date.parse(second.editedAt ?? '')).toBeGreaterThan(Date.parse(first.editedAt ?? ''));

    expect(await revisions(idea.id)).toEqual([
      {
        title: 'Shared calendars for finance and payroll',
        description: 'Nobody knows who is on leave.',
        lane: 'opportunity',
        businessCase: { problem: 'Leave clashes at month end.', beneficiary: null, valueType: null, effort: 'S', objective: null },
        afterScoring: false,
        by: 'Ada Author',
        replacedAt: second.editedAt,
      },
      {
        title: 'Shared calendars for the finance team',
        description: 'Nobody knows who is on leave.',
        lane: 'opportunity',
        businessCase: { problem: 'Leave clashes at month end.', beneficiary: null, valueType: null, effort: 'S', objective: null },
        afterScoring: false,
        by: 'Ada Author',
        replacedAt: first.editedAt,
      },
    ]);
    // Anyone who may see the idea reads them; its own page counts them.
    expect(await revisions(idea.id, await person('edits|reader', 'Rea Der'))).toHaveLength(2);
    expect((await json<IdeaView>(await send('GET', `/ideas/${idea.id}/view`, undefined))).revisions).toBe(2);
    // The idea's discussion carries the new title; search finds it by it.
    const thread = env.DB.prepare('select title from threads where key = ?').bind(`idea:${idea.id}`);
    expect(await thread.first()).toEqual({ title: 'Shared calendars for finance and payroll' });
    const found = await json<{ items: { id: string }[] }>(await send('GET', '/boards/general/ideas/similar?q=payroll', undefined));
    expect(found.items.map((i) => i.id)).toContain(idea.id);
  });

  it('changes nothing when nothing changes: no earlier text, the same edit time', async () => {
    const author = await person('edits|noop', 'No Op');
    const idea = await submit(author, { title: 'Printer queues per floor', businessCase: { effort: 'XS' } });
    for (const body of [{}, { title: 'Printer queues per floor' }, { businessCase: { effort: 'XS', problem: null } }]) {
      expect(await edited(idea.id, author, body)).toMatchObject({ title: 'Printer queues per floor', editedAt: null });
    }
    expect(await revisionCount(idea.id)).toBe(0);
  });

  it('applies the rules of a new idea: lengths, the text rules, the board’s required fields', async () => {
    const author = await person('edits|rules', 'Ru Les');
    const idea = await submit(
      author,
      { title: 'Single form for access requests', businessCase: { problem: 'Five forms today.' } },
      'edits-required',
    );
    const short = await edit(idea.id, author, { title: 'No' });
    expect(short.status).toBe(400);
    expect((await errorOf(short)).details?.[0]?.path).toBe('body.title');
    const control = await edit(idea.id, author, { description: 'Bell\u0007' });
    expect(control.status).toBe(400);
    const unknown = await edit(idea.id, author, { status: 'done' });
    expect(unknown.status).toBe(400);
    const required = await edit(idea.id, author, { businessCase: { problem: null } });
    expect(required.status).toBe(400);
    expect(await errorOf(required)).toMatchObject({ reason: 'validation_failed.required_fields' });
    expect(await revisionCount(idea.id)).toBe(0);
    // Changing other fields on a board that asks for the problem is fine while it stays.
    expect((await edited(idea.id, author, { businessCase: { effort: 'L' } })).businessCase).toMatchObject({ problem: 'Five forms today.' });
  });
});

describe('an edit after scoring', () => {
  it('is marked in the history, and tells evaluators through scoreOutdated until they score again', async () => {
    const author = await person('edits|scored', 'Sco Red');
    const idea = await submit(author, { title: 'Expense claims from the phone' });
    // Edited before anyone scored: nothing is outdated.
    expect(await edited(idea.id, author, { description: 'Photo of the receipt, done.' })).toMatchObject({ scoreOutdated: false });
    await tick();
    await score(idea.id);
    expect((await json<Idea>(await send('GET', `/ideas/${idea.id}`, undefined))).scoreOutdated).toBe(false);
    await tick();
    const after = await edited(idea.id, author, { title: 'Expense claims and mileage from the phone' });
    expect(after.scoreOutdated).toBe(true);
    expect((await revisions(idea.id)).map((r) => r.afterScoring)).toEqual([true, false]);
    // Everywhere the idea is shown.
    const listed = await json<{ items: Idea[] }>(await send('GET', '/boards/general/ideas?sort=new&limit=100', undefined));
    expect(listed.items.find((i) => i.id === idea.id)?.scoreOutdated).toBe(true);
    expect((await json<IdeaView>(await send('GET', `/ideas/${idea.id}/view`, undefined))).idea.scoreOutdated).toBe(true);
    await tick();
    await score(idea.id);
    expect((await json<Idea>(await send('GET', `/ideas/${idea.id}`, undefined))).scoreOutdated).toBe(false);
  });
});

describe('who may edit and withdraw', () => {
  it('the author edits and withdraws; a moderator edits; nobody else does either', async () => {
    const author = await person('edits|own', 'Owen Own');
    const idea = await submit(author, { title: 'Meeting rooms with working screens' });
    const other = await person('edits|other', 'Otto Other');
    const anonymous = await edit(idea.id, undefined, { title: 'Meeting rooms, anonymously' });
    expect(anonymous.status).toBe(401);
    for (const t of [other, await evaluator()]) {
      const res = await edit(idea.id, t, { title: 'Meeting rooms, as someone else' });
      expect(res.status).toBe(403);
      expect(await errorOf(res)).toMatchObject({ reason: 'forbidden.edit_others_idea' });
      const gone = await withdraw(idea.id, t);
      expect(gone.status).toBe(403);
      expect(await errorOf(gone)).toMatchObject({ reason: 'forbidden.withdraw_others_idea' });
    }
    const fixed = await edited(idea.id, await moderator(), { title: 'Meeting rooms with working screens and cables' });
    expect(fixed.title).toBe('Meeting rooms with working screens and cables');
    expect((await revisions(idea.id))[0]?.by).toBe('Mo Moderator');
    // A moderator removes or changes the status of an idea; withdrawing is its author's.
    expect((await withdraw(idea.id, await moderator())).status).toBe(403);
    expect(await revisionCount(idea.id)).toBe(1);
    expect((await withdraw(idea.id, author)).status).toBe(200);
  });

  it('a held idea is not there for others: 404, as reading it is', async () => {
    await moderation({ preModeration: 'all' });
    const author = await person('edits|held-owner', 'Hel Downer');
    const held = await submit(author, { title: 'Standing desks on request' });
    expect(held.moderation.state).toBe('pending');
    const other = await person('edits|held-other', 'Nosy Parker');
    for (const res of [
      await edit(held.id, other, { title: 'Standing desks for all' }),
      await withdraw(held.id, other),
      await send('GET', `/ideas/${held.id}/revisions`, other),
    ]) {
      expect(res.status).toBe(404);
    }
    expect(await revisions(held.id, author)).toEqual([]);
  });
});

describe('an edit and the moderation pipeline', () => {
  it('refused: 422, nothing changes', async () => {
    const author = await person('edits|refused', 'Ref Used');
    const idea = await submit(author, { title: 'Faster laptop refresh' });
    await moderation({ bannedWords: ['kickback'] });
    const res = await edit(idea.id, author, { businessCase: { problem: 'Vendors offer a kickback' } });
    expect(res.status).toBe(422);
    expect(await errorOf(res)).toMatchObject({
      code: 'idea_rejected',
      reason: 'idea_rejected.banned_word_in',
      details: [{ path: 'body.businessCase.problem' }],
    });
    expect(await json<Idea>(await send('GET', `/ideas/${idea.id}`, undefined))).toMatchObject({
      businessCase: { problem: null },
      editedAt: null,
      moderation: { state: 'published' },
    });
    expect(await revisionCount(idea.id)).toBe(0);
  });

  it('held: applied, and the idea waits for a moderator, seen only by its author until approved', async () => {
    const author = await person('edits|held-edit', 'Hal Dedit');
    const idea = await submit(author, { title: 'Team budgets in the intranet' });
    await moderation({ suspectWords: ['crypto'] });
    const held = await edited(idea.id, author, { description: 'Paid in crypto tokens.' });
    expect(held.moderation).toMatchObject({ state: 'pending', reasonCode: 'held.suspect_word_hidden' });
    expect(await revisionCount(idea.id)).toBe(1);
    expect((await send('GET', `/ideas/${idea.id}`, await person('edits|passer', 'Pa Sser'))).status).toBe(404);
    expect((await send('POST', `/ideas/${idea.id}/moderation`, await moderator(), { action: 'approve' })).status).toBe(200);
    expect(await json<Idea>(await send('GET', `/ideas/${idea.id}`, undefined))).toMatchObject({
      description: 'Paid in crypto tokens.',
      moderation: { state: 'published' },
    });
    // Moderators are trusted, as with a new idea.
    expect((await edited(idea.id, await moderator(), { title: 'Team budgets in crypto' })).moderation.state).toBe('published');
  });
});

describe('an idea that is decided', () => {
  it('closed, merged or rejected cannot be edited (409), and keeps its text', async () => {
    const author = await person('edits|closed', 'Clo Sed');
    const done = await submit(author, { title: 'Dark mode for the intranet' });
    expect((await send('PUT', `/ideas/${done.id}/status`, await evaluator(), { status: 'done' })).status).toBe(200);
    const closed = await edit(done.id, author, { title: 'Dark mode everywhere' });
    expect(closed.status).toBe(409);
    expect(await errorOf(closed)).toMatchObject({ reason: 'conflict.edit_closed_idea', params: { id: done.id, status: 'Done' } });

    const original = await submit(author, { title: 'Wi-Fi in the warehouse' });
    const duplicate = await submit(await person('edits|dup', 'Du Plicate'), { title: 'Warehouse wireless network' });
    expect((await send('POST', `/ideas/${duplicate.id}/merge`, await moderator(), { into: original.id })).status).toBe(200);
    const merged = await edit(duplicate.id, await moderator(), { title: 'Warehouse Wi-Fi' });
    expect(merged.status).toBe(409);
    expect(await errorOf(merged)).toMatchObject({ reason: 'conflict.edit_merged_idea', params: { into: original.id } });

    const rejected = await submit(author, { title: 'Free lunches for IT' });
    expect(
      (await send('POST', `/ideas/${rejected.id}/moderation`, await moderator(), { action: 'reject', reason: 'Not IT-enabled' })).status,
    ).toBe(200);
    const refused = await edit(rejected.id, author, { title: 'Free lunches for everyone' });
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toMatchObject({ reason: 'conflict.idea_rejected' });

    for (const id of [done.id, duplicate.id, rejected.id]) expect(await revisionCount(id)).toBe(0);
  });
});

describe('withdrawing an idea', () => {
  const budgetOn = async (board: string, t: string) => (await json<Board>(await send('GET', `/boards/${board}`, t))).budget;

  it('closes it in the built-in "withdrawn" status, refunds budget votes as closing does, and records who and why', async () => {
    const author = await person('edits|quitter', 'Quin Quitter');
    const voter = await person('edits|voter', 'Vo Ter', 'Sales');
    const idea = await submit(author, { title: 'Kiosk for visitor badges' }, 'edits-refund');
    expect((await json<VoteState>(await send('PUT', `/ideas/${idea.id}/vote`, voter, { votes: 2 }))).budget).toMatchObject({ used: 2 });

    const res = await withdraw(idea.id, author, 'Facilities are buying one already.');
    expect(res.status).toBe(200);
    const gone = await json<Idea>(res);
    expect(gone).toMatchObject({
      closed: true,
      status: {
        key: 'withdrawn',
        label: 'Withdrawn',
        translations: { de: { label: 'Zurückgezogen' } },
        category: 'declined',
        reason: 'Facilities are buying one already.',
        changedBy: 'Quin Quitter',
      },
      votes: 2,
      supporters: 1,
    });
    expect(await budgetOn('edits-refund', voter)).toMatchObject({ used: 0, remaining: 4 });
    expect(await history(idea.id)).toEqual([
      {
        from: 'open',
        to: 'withdrawn',
        reason: 'Facilities are buying one already.',
        link: null,
        card: null,
        by: 'Quin Quitter',
        at: expect.any(String),
      },
    ]);
    // Votes are frozen.
    const frozen = await send('PUT', `/ideas/${idea.id}/vote`, voter, { votes: 1 });
    expect(frozen.status).toBe(409);
    expect(await errorOf(frozen)).toMatchObject({ reason: 'voting_closed.closed' });
    // Withdrawing again answers the idea as it is: no second change.
    const again = await withdraw(idea.id, author, 'Once more.');
    expect(again.status).toBe(200);
    expect((await json<Idea>(again)).status.reason).toBe('Facilities are buying one already.');
    expect(await history(idea.id)).toHaveLength(1);
    // And it cannot be edited any more.
    expect((await edit(idea.id, author, { title: 'Kiosk for visitor badges, again' })).status).toBe(409);
  });

  it('keeps votes placed on a board that does not return them when an idea closes; needs no reason', async () => {
    const author = await person('edits|keeper', 'Kee Per');
    const voter = await person('edits|keep-voter', 'Kay Voter');
    const idea = await submit(author, { title: 'Parking sensors in the garage' }, 'edits-keep');
    await send('PUT', `/ideas/${idea.id}/vote`, voter, { votes: 2 });
    const res = await withdraw(idea.id, author);
    expect(res.status).toBe(200);
    expect((await json<Idea>(res)).status).toMatchObject({ key: 'withdrawn', reason: null });
    expect(await budgetOn('edits-keep', voter)).toMatchObject({ used: 2, remaining: 2 });
  });

  it('refuses an idea closed otherwise or merged (409), and a reason the pipeline refuses (422)', async () => {
    const author = await person('edits|late', 'La Te');
    const done = await submit(author, { title: 'Second monitors for analysts' });
    await send('PUT', `/ideas/${done.id}/status`, await evaluator(), { status: 'planned' });
    await send('PUT', `/ideas/${done.id}/status`, await evaluator(), { status: 'done' });
    const closed = await withdraw(done.id, author);
    expect(closed.status).toBe(409);
    expect(await errorOf(closed)).toMatchObject({ reason: 'conflict.withdraw_closed', params: { status: 'Done' } });

    const original = await submit(await person('edits|orig', 'Ori Ginal'), { title: 'Analyst workstation refresh' });
    const duplicate = await submit(author, { title: 'New workstations for analysts' });
    await send('POST', `/ideas/${duplicate.id}/merge`, await moderator(), { into: original.id });
    const merged = await withdraw(duplicate.id, author);
    expect(merged.status).toBe(409);
    expect(await errorOf(merged)).toMatchObject({ reason: 'conflict.withdraw_merged' });

    const open = await submit(author, { title: 'Noise-cancelling headsets' });
    await moderation({ bannedWords: ['scam'] });
    const refused = await withdraw(open.id, author, 'This was a scam');
    expect(refused.status).toBe(422);
    expect((await errorOf(refused)).details?.[0]?.path).toBe('body.reason');
    expect((await json<Idea>(await send('GET', `/ideas/${open.id}`, undefined))).closed).toBe(false);
    expect(await history(open.id)).toEqual([]);
  });

  it('"withdrawn" is Bridgekit’s: no board status may take the key, and no evaluator sets it', async () => {
    const board = await admin(`${DEMO}/boards/general`, 'PATCH', {
      statuses: [
        { key: 'open', label: 'Open', category: 'open', requiresReason: false, deflection: false },
        { key: 'withdrawn', label: 'Pulled', category: 'declined', requiresReason: false, deflection: false },
      ],
    });
    expect(board.status).toBe(400);
    expect(await errorOf(board)).toMatchObject({ reason: 'validation_failed.status_withdrawn' });
    const idea = await submit(await person('edits|set', 'Set Ter'), { title: 'Lockers for hot-deskers' });
    const set = await send('PUT', `/ideas/${idea.id}/status`, await evaluator(), { status: 'withdrawn' });
    expect(set.status).toBe(400);
    expect(await errorOf(set)).toMatchObject({ reason: 'validation_failed.unknown_status' });
  });
});

describe('an idea recorded on behalf of a business leader', () => {
  const proxies = async (email: string) =>
    (
      await env.DB.prepare("select id, subject, name, business_unit as unit, handle from users where kind = 'proxy' and email = ?")
        .bind(email)
        .all<{ id: string; subject: string; name: string; unit: string | null; handle: string | null }>()
    ).results;

  it('has the leader as its author, backing it with their business unit; the recorder is shown, the e-mail never', async () => {
    const eva = await evaluator();
    const res = await send('POST', '/boards/general/ideas', eva, {
      title: 'Pipeline dashboards for regional directors',
      onBehalfOf: { name: 'Tomás Silva', email: 'Tomas.Silva@Fabrikam-Sales.example', businessUnit: 'Sales' },
    });
    expect(res.status).toBe(201);
    const text = await res.clone().text();
    expect(text.toLowerCase()).not.toContain('tomas.silva@');
    const idea = await json<Idea>(res);
    expect(idea).toMatchObject({
      // The leader's business unit is matched to a unit, as a sign-in's claim is.
      author: { name: 'Tomás Silva', businessUnit: 'Sales', unit: { key: 'sales', name: 'Sales', side: 'demand' } },
      recordedBy: { name: 'Eva Evaluator' },
      votes: 1,
      supporters: 1,
      businessUnits: 1,
      voted: false,
    });
    const [leader] = await proxies('tomas.silva@fabrikam-sales.example');
    expect(leader).toMatchObject({ name: 'Tomás Silva', unit: 'Sales', handle: null, subject: expect.stringMatching(/^proxy\|/) });

    // Another supporter from Finance: two people, two units, the leader's among them.
    const finance = await person('edits|fin', 'Fi Nance', 'Finance');
    expect(await json<VoteState>(await send('PUT', `/ideas/${idea.id}/vote`, finance))).toMatchObject({ supporters: 2, businessUnits: 2 });
    const view = await json<IdeaView>(await send('GET', `/ideas/${idea.id}/view`, undefined));
    expect(view.supportByUnit).toEqual(
      expect.arrayContaining([
        { unit: { key: 'sales', name: 'Sales', side: 'demand' }, supporters: 1 },
        { unit: { key: 'finance', name: 'Finance', side: 'demand' }, supporters: 1 },
      ]),
    );
    expect(view.idea.recordedBy).toEqual({ name: 'Eva Evaluator' });
    // The recorder may change it: it is theirs too.
    expect(idea.mine).toBe(true);
    expect((await json<IdeaView>(await send('GET', `/ideas/${idea.id}/view`, finance))).idea.mine).toBe(false);

    // The leader is nobody to @mention.
    const mentionable = await json<{ items: { name: string }[] }>(await send('GET', '/users?q=tom', finance));
    expect(mentionable.items.map((u) => u.name)).not.toContain('Tomás Silva');
  });

  it('names the same person again by e-mail, in any case: their name refreshed, their unit kept when not given', async () => {
    const eva = await evaluator();
    const first = await submit(eva, {
      title: 'Quote approvals on the phone',
      onBehalfOf: { name: 'Lena Berg', email: 'lena.berg@contoso-ops.example', businessUnit: 'Operations' },
    });
    const second = await submit(
      await moderator(),
      { title: 'Shift plans in the intranet', onBehalfOf: { name: 'Lena Berg-Holm', email: 'LENA.BERG@contoso-ops.example' } },
      'people',
    );
    expect(second).toMatchObject({ author: { name: 'Lena Berg-Holm', businessUnit: 'Operations' }, recordedBy: { name: 'Mo Moderator' } });
    const people = await proxies('lena.berg@contoso-ops.example');
    expect(people).toHaveLength(1);
    const authors = await env.DB.prepare('select distinct author_id as id from ideas where id in (?, ?)').bind(first.id, second.id).all();
    expect(authors.results).toEqual([{ id: people[0]?.id }]);
  });

  it('is for evaluators and up: a member gets 403, and nothing is written', async () => {
    const before = await env.DB.prepare(
      "select (select count(*) from ideas) as ideas, (select count(*) from users where kind = 'proxy') as proxies",
    ).first();
    const res = await send('POST', '/boards/general/ideas', await person('edits|member', 'Mem Ber'), {
      title: 'An idea for my director',
      onBehalfOf: { name: 'Dee Rector', email: 'dee@contoso-board.example' },
    });
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toMatchObject({ reason: 'forbidden.proxy_idea', params: { current: 'member' } });
    const bad = await send('POST', '/boards/general/ideas', await evaluator(), {
      title: 'An idea for nobody',
      onBehalfOf: { name: 'No Body', email: 'not an address' },
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details?.[0]?.path).toBe('body.onBehalfOf.email');
    expect(
      await env.DB.prepare(
        "select (select count(*) from ideas) as ideas, (select count(*) from users where kind = 'proxy') as proxies",
      ).first(),
    ).toEqual(before);
  });

  it('respects the board’s budget for the leader; the recorder edits and withdraws, which frees the vote', async () => {
    const eva = await evaluator();
    const leader = { name: 'Kai Budget', email: 'kai@contoso-budget.example', businessUnit: 'Legal' };
    const a = await submit(eva, { title: 'Contract templates in one place', onBehalfOf: leader }, 'edits-proxy');
    await submit(eva, { title: 'E-signature for NDAs', onBehalfOf: leader }, 'edits-proxy');
    const ideasBefore = await env.DB.prepare('select count(*) as n from ideas').first();
    const third = await send('POST', '/boards/edits-proxy/ideas', eva, { title: 'Clause library with search', onBehalfOf: leader });
    expect(third.status).toBe(409);
    expect(await errorOf(third)).toMatchObject({ reason: 'vote_budget_exceeded.proxy', params: { name: 'Kai Budget', total: 2 } });
    expect(await env.DB.prepare('select count(*) as n from ideas').first()).toEqual(ideasBefore);

    // The recorder looks after the idea for the leader.
    expect((await edited(a.id, eva, { description: 'Kai asked for the 2027 set.' })).author.name).toBe('Kai Budget');
    expect((await withdraw(a.id, eva, 'Kai found the templates in the legal wiki.')).status).toBe(200);
    expect((await submit(eva, { title: 'Clause library with search', onBehalfOf: leader }, 'edits-proxy')).supporters).toBe(1);
    // Anyone else may not.
    const other = await person('edits|not-recorder', 'Not Recorder');
    expect((await edit(a.id, other, { title: 'Contract templates, edited' })).status).toBe(403);
  });

  it('held by the pipeline, is seen by whoever recorded it', async () => {
    await moderation({ suspectWords: ['crypto'] });
    const eva = await evaluator();
    const held = await submit(eva, {
      title: 'Crypto payments for suppliers',
      onBehalfOf: { name: 'Hana Held', email: 'hana@contoso-held.example' },
    });
    expect(held.moderation.state).toBe('pending');
    expect((await send('GET', `/ideas/${held.id}`, eva)).status).toBe(200);
    expect((await send('GET', `/ideas/${held.id}`, await person('edits|outsider', 'Out Sider'))).status).toBe(404);
  });
});

import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { token, workerFetch } from '../../worker/test/helpers.ts';
import { type BridgekitError, createClient, isBridgekitError } from '../src/index.ts';

const BASE = 'https://bridgekit.test';
// The Worker's fetch handler; each answer is checked against /v1/openapi.json (worker/test/contract.ts).
const as = async (sub: string, name: string, roles: string[] = []) =>
  createClient({ baseUrl: BASE, tenant: 'demo', token: await token({ sub, name, extra: { roles } }), fetch: workerFetch });
const failure = async (promise: Promise<unknown>): Promise<BridgekitError> => {
  const err = await promise.catch((e: unknown) => e);
  if (!isBridgekitError(err)) throw new Error(`Expected a BridgekitError, got ${String(err)}`);
  return err;
};

describe("people's own ideas through the SDK", () => {
  beforeAll(async () => {
    const admin = createClient({ baseUrl: BASE, tenant: 'demo', token: env.BRIDGEKIT_ADMIN_TOKEN, fetch: workerFetch });
    await admin.admin.settings.update({
      roleMapping: { claim: 'roles', evaluator: ['Evaluator'], moderator: ['Moderator'], admin: ['Admin'], applyToEmbedTokens: true },
    });
  });

  it('edits, lists the earlier texts, and withdraws', async () => {
    const author = await as('sdk-own|author', 'Ann Author');
    const idea = await author.ideas.create({ board: 'general', title: 'Room booking from the calendar', businessCase: { effort: 'S' } });
    const changed = await author.ideas.edit(idea.id, { title: 'Room and desk booking from the calendar', businessCase: { effort: null } });
    expect(changed).toMatchObject({
      title: 'Room and desk booking from the calendar',
      businessCase: { effort: null },
      scoreOutdated: false,
    });
    expect(changed.editedAt).not.toBeNull();
    const [before, ...rest] = await author.ideas.revisions(idea.id);
    expect(rest).toEqual([]);
    expect(before).toMatchObject({ title: 'Room booking from the calendar', businessCase: { effort: 'S' }, by: 'Ann Author' });
    expect((await author.ideas.view(idea.id)).revisions).toBe(1);

    const other = await as('sdk-own|other', 'Oli Other');
    expect((await failure(other.ideas.edit(idea.id, { title: 'Not mine to change' }))).reason).toBe('forbidden.edit_others_idea');

    const withdrawn = await author.ideas.withdraw(idea.id, 'Facilities have a tool for this.');
    expect(withdrawn.status).toMatchObject({ key: 'withdrawn', category: 'declined', reason: 'Facilities have a tool for this.' });
    expect(withdrawn.closed).toBe(true);
    expect((await author.ideas.withdraw(idea.id)).status.reason).toBe('Facilities have a tool for this.');
    expect((await failure(author.ideas.edit(idea.id, { title: 'Too late to change' }))).reason).toBe('conflict.edit_closed_idea');
  });

  it('says whether a deflection met the need, as its requester only', async () => {
    const author = await as('sdk-own|asker', 'Ada Asker');
    const evaluator = await as('sdk-own|eva', 'Eve Valuator', ['Evaluator']);
    const idea = await author.ideas.create({ board: 'general', title: 'Expense report in the travel app', businessCase: { effort: 'XS' } });
    expect((await failure(author.ideas.confirmNeedMet(idea.id, true))).reason).toBe('conflict.need_met_not_deflected');
    await evaluator.ideas.setStatus(idea.id, { status: 'business_owned', reason: 'Travel runs its own expense flow in the travel app.' });
    expect((await failure(evaluator.ideas.confirmNeedMet(idea.id, true))).reason).toBe('forbidden.need_met_others_idea');
    const confirmed = await author.ideas.confirmNeedMet(idea.id, true);
    expect(confirmed.status).toMatchObject({ key: 'business_owned', deflection: true, needMet: true });
  });

  it('records an idea on behalf of a business leader (evaluators), not as a member', async () => {
    const evaluator = await as('sdk-own|eva', 'Eve Valuator', ['Evaluator']);
    const onBehalfOf = { name: 'Bo Leader', email: 'bo@sdk-leaders.example', businessUnit: 'Operations' };
    const idea = await evaluator.ideas.create({ board: 'general', title: 'Supplier scorecards in one place', onBehalfOf });
    expect(idea).toMatchObject({
      author: { name: 'Bo Leader', businessUnit: 'Operations', unit: { key: 'operations', name: 'Operations', side: 'demand' } },
      recordedBy: { name: 'Eve Valuator' },
      supporters: 1,
      businessUnits: 1,
    });
    const member = await as('sdk-own|member', 'Mem Ber');
    const refused = await failure(member.ideas.create({ board: 'general', title: 'For my director', onBehalfOf }));
    expect(refused).toMatchObject({ status: 403, reason: 'forbidden.proxy_idea' });
  });
});

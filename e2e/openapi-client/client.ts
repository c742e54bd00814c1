/**
 * What a team that generates its client from `/v1/openapi.json` writes: types from
 * openapi-typescript (`./generated/bridgekit-api.d.ts`, written by openapi-client.e2e.test.ts,
 * git-ignored) and calls through openapi-fetch. The test compiles this file with those types
 * under `tsc --strict` without `skipLibCheck`, then runs `tour` against the dev server. It is
 * left out of the repository's own type check (tsconfig.tools.json), which runs before the
 * types exist.
 */
import createClient from 'openapi-fetch';
import type { components, operations, paths } from './generated/bridgekit-api.d.ts';

type Schemas = components['schemas'];
export type Idea = Schemas['Idea'];
export type Comment = Schemas['Comment'];
export type PracticeCard = Schemas['PracticeCard'];

// ——— What the generated types must say, checked when this file compiles ———

type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny = <T>(_proof: IsAny<T> extends false ? true : never): void => {};
// Card values are real types, not `any` (a recursive `FieldValue` broke the generated file).
notAny<Schemas['FieldValue']>(true);
notAny<PracticeCard['fields'][string]>(true);
// A value as deep as templates nest: a list of records holding a money value.
const rows: Schemas['FieldValue'] = [{ kind: 'do-nothing', description: 'Keep it as it is.', cost: { amount: 0, currency: 'EUR' } }];
// The nulls the API sends are in the types.
const removedAuthor: Comment['author'] = null;
const anonymous: Schemas['Viewer']['user'] = null;
const added: Schemas['CardDiff']['changes'][number]['before'] = null;
const noBudget: Schemas['Board']['budget'] = null;
// Every operation is named.
const operationIds: (keyof operations)[] = ['listBoards', 'createIdea', 'voteOnIdea', 'postComment', 'getCard', 'listCards'];
// A comment names its thread by key or by URL.
const byKey: Schemas['NewComment'] = { key: 'a-page', body: 'Hello' };
export const typeChecks = { rows, removedAuthor, anonymous, added, noBudget, operationIds, byKey };

export function bridgekit(baseUrl: string, token?: string) {
  const client = createClient<paths>({ baseUrl });
  if (token) {
    client.use({
      onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    });
  }
  return client;
}

/** Fails with the API's error when a call did not succeed. */
function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) throw new Error(`${result.response.status}: ${JSON.stringify(result.error)}`);
  return result.data;
}

/**
 * A member's way through the API with the generated client: boards, ideas and votes, a thread
 * with comments (one removed, so its author is `null`), a practice card saved twice, its diff,
 * and a search. Returns what the test asserts on.
 */
export async function tour(baseUrl: string, token: string, moderatorToken: string) {
  const api = bridgekit(baseUrl, token);
  const tenant = 'demo';
  const stamp = Date.now().toString(36);

  const boards = ok(await api.GET('/v1/tenants/{tenant}/boards', { params: { path: { tenant } } }));
  const idea = ok(
    await api.POST('/v1/tenants/{tenant}/boards/{board}/ideas', {
      params: { path: { tenant, board: 'general' } },
      body: { title: `Generated clients for everyone ${stamp}`, businessCase: { valueType: 'experience' } },
    }),
  );
  const vote = ok(await api.PUT('/v1/tenants/{tenant}/ideas/{id}/vote', { params: { path: { tenant, id: idea.id } } }));
  const page = ok(
    await api.GET('/v1/tenants/{tenant}/boards/{board}/ideas', {
      params: { path: { tenant, board: 'general' }, query: { sort: 'new', limit: 5 } },
    }),
  );
  // Over the votes per idea of a budget board (3 on finance-ops): the documented 409, typed.
  const budgeted = ok(
    await api.POST('/v1/tenants/{tenant}/boards/{board}/ideas', {
      params: { path: { tenant, board: 'finance-ops' } },
      body: { title: `Generated payment reminders ${stamp}`, businessCase: { problem: 'Reminders are typed by hand.', valueType: 'cost' } },
    }),
  );
  const overLimit = await api.PUT('/v1/tenants/{tenant}/ideas/{id}/vote', {
    params: { path: { tenant, id: budgeted.id } },
    body: { votes: 4 },
  });
  const withinLimit = ok(
    await api.PUT('/v1/tenants/{tenant}/ideas/{id}/vote', { params: { path: { tenant, id: budgeted.id } }, body: { votes: 3 } }),
  );

  const key = `generated-client-${stamp}`;
  const first = ok(
    await api.POST('/v1/tenants/{tenant}/threads/comments', { params: { path: { tenant } }, body: { key, body: 'Who has tried this?' } }),
  );
  const reply = ok(
    await api.POST('/v1/tenants/{tenant}/threads/comments', {
      params: { path: { tenant } },
      body: { key, body: 'We did, with **Finance**.', parentId: first.id },
    }),
  );
  const moderator = bridgekit(baseUrl, moderatorToken);
  const removal = await moderator.DELETE('/v1/tenants/{tenant}/comments/{id}', { params: { path: { tenant, id: first.id } } });
  const thread = ok(await api.GET('/v1/tenants/{tenant}/threads/comments', { params: { path: { tenant }, query: { key } } }));
  const me = ok(await bridgekit(baseUrl).GET('/v1/tenants/{tenant}/me', { params: { path: { tenant } } }));

  const card = ok(
    await api.POST('/v1/tenants/{tenant}/cards', {
      params: { path: { tenant } },
      body: {
        templateId: 'business-case',
        title: `Generated API clients ${stamp}`,
        fields: {
          executiveSummary: 'Teams generate their Bridgekit client from the API description.',
          reasons: 'Hand-written clients drift from the API.',
          options: rows,
          recommendedOption: 'Generate the client.',
          expectedBenefits: [{ benefit: 'No drift' }],
          timescale: { start: '2027-01-04' },
          costs: { project: { amount: 40000, currency: 'EUR' } },
          majorRisks: [{ risk: 'Generator bugs' }],
          sponsor: { name: 'Mei Chen' },
        },
      },
    }),
  );
  const saved = ok(
    await api.PUT('/v1/tenants/{tenant}/cards/{id}', {
      params: { path: { tenant, id: card.id } },
      body: { baseVersion: card.version, title: card.title, fields: { ...card.fields, decisionStatus: 'submitted' } },
    }),
  );
  const diff = ok(
    await api.GET('/v1/tenants/{tenant}/cards/{id}/diff', { params: { path: { tenant, id: card.id }, query: { from: 1, to: 2 } } }),
  );
  const found = ok(await api.GET('/v1/tenants/{tenant}/cards', { params: { path: { tenant }, query: { q: `generated ${stamp}` } } }));

  return {
    boards,
    idea,
    vote,
    page,
    overLimit: overLimit.error,
    withinLimit,
    first,
    reply,
    removal: removal.response.status,
    thread,
    me,
    card,
    saved,
    diff,
    found,
  };
}

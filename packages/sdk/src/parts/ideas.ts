/** Boards, ideas and business units: `@bridgekit/sdk/parts/ideas`. */
import type { BridgekitClient, ListIdeasOptions } from '../client.ts';
import type { MemberPart } from '../core.ts';
import { callOf } from '../http.ts';
import type {
  Board,
  BoardExportQuery,
  EvaluationInput,
  Idea,
  IdeaEdit,
  IdeaRevision,
  MergeInput,
  NeedMetInput,
  NewIdea,
  Page,
  RoadmapColumn,
  SimilarIdea,
  SimilarIdeasQuery,
  StatusChange,
  WithdrawInput,
} from '../types.ts';
import type { BusinessUnit } from '../unit-types.ts';
import { ideasBoardPart } from './ideas-board.ts';

/**
 * `boards`, `ideas` and `units` of the member client: what every page of ideas calls.
 *
 * @example
 * const { ideas } = ideasPart(memberTransport({ baseUrl, tenant: 'acme', token }));
 * await ideas.vote(id);
 */
export const ideasPart: MemberPart<'boards' | 'ideas' | 'units'> = (http) => {
  const seg = encodeURIComponent;
  const board = ideasBoardPart(http);
  const ideas: BridgekitClient['ideas'] = {
    ...board.ideas,
    similar: async ({ board, q, limit, signal }) =>
      (
        await http.request<{ items: SimilarIdea[] }>('GET', `/boards/${seg(board)}/ideas/similar`, {
          query: { q, limit } satisfies SimilarIdeasQuery,
          signal,
        })
      ).items,
    async *iterate({ board, sort, limit, signal }) {
      let cursor: string | null = null;
      do {
        const page: Page<Idea> = await ideas.list({ board, sort, cursor, limit, signal } as ListIdeasOptions);
        yield* page.items;
        cursor = page.nextCursor;
      } while (cursor);
    },
    create: ({ board, signal, idempotencyKey, ...idea }) =>
      http.request('POST', `/boards/${seg(board)}/ideas`, {
        body: { ...idea, description: idea.description ?? '' } satisfies NewIdea,
        signal,
        idempotencyKey,
      }),
    edit: (id, edit, o) => http.request('PATCH', `/ideas/${seg(id)}`, { body: edit satisfies IdeaEdit, ...callOf(o) }),
    revisions: async (id, o) =>
      (await http.request<{ items: IdeaRevision[] }>('GET', `/ideas/${seg(id)}/revisions`, { signal: o?.signal })).items,
    withdraw: (id, reason, o) =>
      http.request('POST', `/ideas/${seg(id)}/withdraw`, {
        body: (reason === undefined ? {} : { reason }) satisfies WithdrawInput,
        ...callOf(o),
      }),
    confirmNeedMet: (id, met, o) =>
      http.request('POST', `/ideas/${seg(id)}/need-met`, {
        body: { met } satisfies NeedMetInput,
        ...callOf(o),
      }),
    view: (id, o) => http.request('GET', `/ideas/${seg(id)}/view`, { signal: o?.signal }),
    remove: (id, o) => http.request('DELETE', `/ideas/${seg(id)}`, { ...callOf(o) }),
    setStatus: (id, update, o) => http.request('PUT', `/ideas/${seg(id)}/status`, { body: update, ...callOf(o) }),
    statusHistory: async (id, o) =>
      (await http.request<{ items: StatusChange[] }>('GET', `/ideas/${seg(id)}/status-history`, { signal: o?.signal })).items,
    merge: (id, into, o) =>
      http.request('POST', `/ideas/${seg(id)}/merge`, {
        body: { into } satisfies MergeInput,
        ...callOf(o),
      }),
    score: (id, scores, o) =>
      http.request('PUT', `/ideas/${seg(id)}/score`, {
        body: { scores } satisfies EvaluationInput,
        ...callOf(o),
      }),
    myScores: async (id, o) =>
      (await http.request<{ scores: Record<string, number> }>('GET', `/ideas/${seg(id)}/score`, { signal: o?.signal })).scores,
  };

  return {
    boards: {
      ...board.boards,
      list: async (o) => (await http.request<{ items: Board[] }>('GET', '/boards', { signal: o?.signal })).items,
      create: (board, o) => http.request('POST', '/boards', { body: board, ...callOf(o) }),
      update: (slug, update, o) => http.request('PATCH', `/boards/${seg(slug)}`, { body: update, ...callOf(o) }),
      roadmap: async (slug, o) =>
        (await http.request<{ columns: RoadmapColumn[] }>('GET', `/boards/${seg(slug)}/roadmap`, { signal: o?.signal })).columns,
      export: async (slug, o) =>
        (
          await http.request<{ items: Idea[] }>('GET', `/boards/${seg(slug)}/export`, {
            query: { format: 'json' } satisfies BoardExportQuery,
            signal: o?.signal,
          })
        ).items,
      exportCsv: (slug, o) =>
        http.request('GET', `/boards/${seg(slug)}/export`, {
          query: { format: 'csv' } satisfies BoardExportQuery,
          text: true,
          signal: o?.signal,
        }),
      scorecard: (slug, o) => http.request('GET', `/boards/${seg(slug)}/scorecard`, { signal: o?.signal }),
      setScorecard: (slug, scorecard, o) => http.request('PUT', `/boards/${seg(slug)}/scorecard`, { body: scorecard, ...callOf(o) }),
    },
    ideas,
    units: {
      list: async (o) => (await http.request<{ items: BusinessUnit[] }>('GET', '/units', { signal: o?.signal })).items,
      get: (key, o) => http.request('GET', `/units/${seg(key)}`, { signal: o?.signal }),
    },
  };
};

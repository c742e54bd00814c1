/** A unit's objectives and an idea's intake decisions (docs/intake.md). */
import { type CallOptions, callOf, type Transport } from './http.ts';
import type {
  CardObjectives,
  CardObjectivesInput,
  IntakeDecisionInput,
  IntakeDecisionList,
  IntakeResult,
  ObjectiveList,
  ObjectiveQuery,
  ObjectiveUpdate,
} from './intake-types.ts';
import type { IntakeDecision, NewObjective, Objective } from './value-types.ts';

/**
 * Business units' objectives, each with an id that ideas and cards link to. Those written in a
 * unit's business-partner profile card (`strategicObjectives`) follow every save of that card;
 * admins, CIOs and the unit's relationship team may add more.
 */
export interface ObjectivesApi {
  /**
   * The unit's current objectives (with `archived: true`, the archived ones too), as readable as
   * the partner profile they are written in.
   *
   * @example
   * const { items } = await bk.objectives.list('finance');
   * await bk.ideas.create('general', { title: 'Automate invoice matching', objectives: [items[0].id] });
   */
  list(unit: string, query?: ObjectiveQuery, options?: CallOptions): Promise<ObjectiveList>;
  /** Adds an objective to the unit (admins, CIOs and the unit's relationship team). */
  create(unit: string, objective: NewObjective, options?: CallOptions): Promise<Objective>;
  /** Changes an objective added through the API (those of a partner profile change with the card: 409). */
  update(id: string, changes: ObjectiveUpdate, options?: CallOptions): Promise<Objective>;
  /** Archives an objective added through the API: links to it keep working, nothing new links to it. */
  archive(id: string, options?: CallOptions): Promise<Objective>;
  /** The objectives a business case, value plan or account plan serves. */
  ofCard(cardId: string, options?: CallOptions): Promise<CardObjectives>;
  /** Replaces the objectives a business case, value plan or account plan serves (anyone who may edit the card). */
  setForCard(cardId: string, objectives: string[], options?: CallOptions): Promise<CardObjectives>;
}

/** An idea's intake: screening → needs information → qualified → approved / deferred / deflected. */
export interface IntakeApi {
  /**
   * Records an intake decision (evaluators). `approved` plans the idea and makes its
   * business-case card; `deflected` and `deferred` set its status as a status change would.
   *
   * @example
   * await bk.intake.decide(ideaId, { step: 'qualified', forum: 'Finance demand board', decidedOn: '2026-12-01' });
   * const { idea } = await bk.intake.decide(ideaId, { step: 'approved', forum: 'Finance demand board', decidedOn: '2026-12-07' });
   * idea.intake.caseCard; // { id, title } of the new business case
   */
  decide(ideaId: string, decision: IntakeDecisionInput, options?: CallOptions): Promise<IntakeResult>;
  /** The idea's intake decisions, oldest first. */
  list(ideaId: string, options?: CallOptions): Promise<IntakeDecision[]>;
}

export function createObjectivesApi(http: Transport): ObjectivesApi {
  const seg = encodeURIComponent;
  const objective = (id: string) => `/objectives/${seg(id)}`;
  return {
    list: (unit, q, o) =>
      http.request('GET', `/units/${seg(unit)}/objectives`, {
        query: { archived: q?.archived === undefined ? undefined : String(q.archived) },
        signal: o?.signal,
      }),
    create: (unit, input, o) =>
      http.request('POST', `/units/${seg(unit)}/objectives`, {
        body: input satisfies NewObjective,
        ...callOf(o),
      }),
    update: (id, changes, o) =>
      http.request('PATCH', objective(id), {
        body: changes satisfies ObjectiveUpdate,
        ...callOf(o),
      }),
    archive: (id, o) => http.request('DELETE', objective(id), { ...callOf(o) }),
    ofCard: (cardId, o) => http.request('GET', `/cards/${seg(cardId)}/objectives`, { signal: o?.signal }),
    setForCard: (cardId, objectives, o) =>
      http.request('PUT', `/cards/${seg(cardId)}/objectives`, {
        body: { objectives } satisfies CardObjectivesInput,
        ...callOf(o),
      }),
  };
}

export function createIntakeApi(http: Transport): IntakeApi {
  const path = (id: string) => `/ideas/${encodeURIComponent(id)}/intake`;
  return {
    decide: (id, decision, o) =>
      http.request('POST', path(id), {
        body: decision satisfies IntakeDecisionInput,
        ...callOf(o),
      }),
    list: async (id, o) => (await http.request<IntakeDecisionList>('GET', path(id), { signal: o?.signal })).items,
  };
}

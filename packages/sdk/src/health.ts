/** Two-sided relationship health rounds (docs/health.md). */
import type {
  HealthAnswerInput,
  HealthAnswersInput,
  HealthInvitationInput,
  HealthInviteInput,
  HealthResults,
  HealthRound,
  HealthRoundInput,
  HealthRoundList,
  HealthRoundQuery,
  HealthTrend,
} from './health-types.ts';
import { type CallOptions, callOf, type Transport } from './http.ts';

/**
 * Health rounds of business units: opened by a unit's relationship managers (or admins), answered
 * by invited people of each side, blind until closed; results and the trend for the unit's
 * relationship team, CIOs and admins. A round the caller may not see answers 404.
 */
export interface HealthApi {
  /** Rounds the caller may see, newest first: of units whose relationship team they are on (all for CIOs and admins), or to which they are invited. */
  list(query?: HealthRoundQuery, options?: CallOptions): Promise<HealthRound[]>;
  get(id: string, options?: CallOptions): Promise<HealthRound>;
  /**
   * Opens a round for a unit, with the default items unless `items` names some.
   *
   * @example
   * const round = await bk.health.create({ unit: 'finance', title: 'Finance, Q1 2027', closesOn: '2027-03-31' });
   * await bk.health.invite(round.id, [{ handle: 'amara.okafor', side: 'business' }, { handle: 'mei.chen', side: 'provider' }]);
   */
  create(round: HealthRoundInput, options?: CallOptions): Promise<HealthRound>;
  /** Invites people by handle for a side: business people of demand-side units, provider people of supply-side units (or people without a unit). */
  invite(id: string, people: HealthInvitationInput[], options?: CallOptions): Promise<HealthRound>;
  /** Saves the caller's answers while the round is open, replacing any earlier ones. Invitees only. */
  answer(id: string, answers: HealthAnswerInput[], options?: CallOptions): Promise<HealthRound>;
  /** Closes the round: no more answers, and the results can be read. */
  close(id: string, options?: CallOptions): Promise<HealthRound>;
  /** A closed round's results. 409 while the round is open. */
  results(id: string, options?: CallOptions): Promise<HealthResults>;
  /** A unit's closed rounds, oldest first, each side's mean and the maturity estimate. */
  trend(unit: string, options?: CallOptions): Promise<HealthTrend>;
}

export function createHealthApi(http: Transport): HealthApi {
  const seg = encodeURIComponent;
  const round = (id: string) => `/health-rounds/${seg(id)}`;
  return {
    list: async (query, o) =>
      (
        await http.request<HealthRoundList>('GET', '/health-rounds', {
          query: { unit: query?.unit, state: query?.state },
          signal: o?.signal,
        })
      ).items,
    get: (id, o) => http.request('GET', round(id), { signal: o?.signal }),
    create: (input, o) =>
      http.request('POST', '/health-rounds', {
        body: input satisfies HealthRoundInput,
        ...callOf(o),
      }),
    invite: (id, people, o) =>
      http.request('POST', `${round(id)}/invitations`, {
        body: { people } satisfies HealthInviteInput,
        ...callOf(o),
      }),
    answer: (id, answers, o) =>
      http.request('PUT', `${round(id)}/answers`, {
        body: { answers } satisfies HealthAnswersInput,
        ...callOf(o),
      }),
    close: (id, o) => http.request('POST', `${round(id)}/close`, { ...callOf(o) }),
    results: (id, o) => http.request('GET', `${round(id)}/results`, { signal: o?.signal }),
    trend: (unit, o) => http.request('GET', `/units/${seg(unit)}/health-trend`, { signal: o?.signal }),
  };
}

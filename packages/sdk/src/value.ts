/** Value-realisation plans: benefits as numbers, their actuals, value delivered (docs/value.md). */
import type { PracticeCard } from './card-types.ts';
import { type CallOptions, callOf, type Transport } from './http.ts';
import type { NewValueActual, NewValueBenefit, ValueBenefit, ValueBenefitUpdate, ValuePlan } from './value-types.ts';

/**
 * An approved idea's value-realisation plan, and the benefits of any plan card: each a number with
 * its measure, baseline, target, owner and class, and a log of actuals. Planned is target −
 * baseline, delivered is the latest actual − baseline; totals add only like measures.
 */
export interface ValueApi {
  /**
   * Makes the value-realisation plan of an approved idea (409 `conflict.not_approved` otherwise),
   * or answers the one made already. Evaluators, the idea's sponsor and its unit's relationship team.
   *
   * @example
   * const plan = await bk.value.makePlan('demo-idea-invoice-matching');
   * await bk.value.addBenefit(plan.id, { title: 'Fewer manual matches', measure: 'hours/month', baseline: 320, target: 80, benefitClass: 'hard' });
   */
  makePlan(ideaId: string, options?: CallOptions): Promise<PracticeCard>;
  /** The plan card's benefits with their actuals, and the totals per measure. */
  plan(cardId: string, options?: CallOptions): Promise<ValuePlan>;
  addBenefit(cardId: string, benefit: NewValueBenefit, options?: CallOptions): Promise<ValueBenefit>;
  updateBenefit(benefitId: string, update: ValueBenefitUpdate, options?: CallOptions): Promise<ValueBenefit>;
  /** Removes a benefit and its actuals. */
  removeBenefit(benefitId: string, options?: CallOptions): Promise<void>;
  /**
   * Records where the measure stood on a day (today or earlier): the benefit's owner and the plan's editors.
   *
   * @example
   * await bk.value.recordActual(benefit.id, { measuredOn: '2027-03-31', value: 190, note: 'After the pilot' });
   */
  recordActual(benefitId: string, actual: NewValueActual, options?: CallOptions): Promise<ValueBenefit>;
  /** Removes an actual: who recorded it, or an admin. Answers the benefit as it is then. */
  removeActual(actualId: string, options?: CallOptions): Promise<ValueBenefit>;
}

export function createValueApi(http: Transport): ValueApi {
  const seg = encodeURIComponent;
  return {
    makePlan: (ideaId, o) => http.request('POST', `/ideas/${seg(ideaId)}/value-plan`, { ...callOf(o) }),
    plan: (cardId, o) => http.request('GET', `/cards/${seg(cardId)}/benefits`, { signal: o?.signal }),
    addBenefit: (cardId, benefit, o) =>
      http.request('POST', `/cards/${seg(cardId)}/benefits`, {
        body: benefit satisfies NewValueBenefit,
        ...callOf(o),
      }),
    updateBenefit: (id, update, o) =>
      http.request('PATCH', `/benefits/${seg(id)}`, {
        body: update satisfies ValueBenefitUpdate,
        ...callOf(o),
      }),
    removeBenefit: async (id, o) => {
      await http.request('DELETE', `/benefits/${seg(id)}`, { ...callOf(o) });
    },
    recordActual: (id, actual, o) =>
      http.request('POST', `/benefits/${seg(id)}/actuals`, {
        body: actual satisfies NewValueActual,
        ...callOf(o),
      }),
    removeActual: (id, o) => http.request('DELETE', `/actuals/${seg(id)}`, { ...callOf(o) }),
  };
}

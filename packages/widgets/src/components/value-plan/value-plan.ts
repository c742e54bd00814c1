import { defineElement } from '../../shared/define.ts';
import { BkValuePlan } from './value-plan.component.ts';

export { BkValuePlan };

defineElement('bk-value-plan', BkValuePlan);

declare global {
  interface HTMLElementTagNameMap {
    'bk-value-plan': BkValuePlan;
  }
}

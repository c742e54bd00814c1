import { defineElement } from '../../shared/define.ts';
import { BkInsights } from './insights.component.ts';

export { BkInsights };

defineElement('bk-insights', BkInsights);

declare global {
  interface HTMLElementTagNameMap {
    'bk-insights': BkInsights;
  }
}

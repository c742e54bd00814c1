import { defineElement } from '../../shared/define.ts';
import { BkHealth } from './health.component.ts';

export { BkHealth };

defineElement('bk-health', BkHealth);

declare global {
  interface HTMLElementTagNameMap {
    'bk-health': BkHealth;
  }
}

import { defineElement } from '../../shared/define.ts';
import { BkRelated } from './related.component.ts';

export { BkRelated };

defineElement('bk-related', BkRelated);

declare global {
  interface HTMLElementTagNameMap {
    'bk-related': BkRelated;
  }
}

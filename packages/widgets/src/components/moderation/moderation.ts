import { defineElement } from '../../shared/define.ts';
import { BkModeration } from './moderation.component.ts';

export { BkModeration };

defineElement('bk-moderation', BkModeration);

declare global {
  interface HTMLElementTagNameMap {
    'bk-moderation': BkModeration;
  }
}

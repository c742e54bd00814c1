import { defineElement } from '../../shared/define.ts';
import { BkThread } from './thread.component.ts';

export { BkThread };

defineElement('bk-thread', BkThread);

declare global {
  interface HTMLElementTagNameMap {
    'bk-thread': BkThread;
  }
}

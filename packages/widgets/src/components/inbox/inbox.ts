import { defineElement } from '../../shared/define.ts';
import { BkInbox } from './inbox.component.ts';

export { BkInbox };

defineElement('bk-inbox', BkInbox);

declare global {
  interface HTMLElementTagNameMap {
    'bk-inbox': BkInbox;
  }
}

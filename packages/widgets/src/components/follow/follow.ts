import { defineElement } from '../../shared/define.ts';
import { BkFollow } from './follow.component.ts';

export { BkFollow };

defineElement('bk-follow', BkFollow);

declare global {
  interface HTMLElementTagNameMap {
    'bk-follow': BkFollow;
  }
}

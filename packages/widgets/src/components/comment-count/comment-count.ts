import { defineElement } from '../../shared/define.ts';
import { BkCommentCount } from './comment-count.component.ts';

export { BkCommentCount };

defineElement('bk-comment-count', BkCommentCount);

declare global {
  interface HTMLElementTagNameMap {
    'bk-comment-count': BkCommentCount;
  }
}

import { defineElement } from '../../shared/define.ts';
import { BkIdea } from './idea.component.ts';

export { BkIdea };

defineElement('bk-idea', BkIdea);

declare global {
  interface HTMLElementTagNameMap {
    'bk-idea': BkIdea;
  }
}

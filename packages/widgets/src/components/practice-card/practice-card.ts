import { defineElement } from '../../shared/define.ts';
import { BkPracticeCard } from './practice-card.component.ts';

export { BkPracticeCard };

defineElement('bk-practice-card', BkPracticeCard);

declare global {
  interface HTMLElementTagNameMap {
    'bk-practice-card': BkPracticeCard;
  }
}

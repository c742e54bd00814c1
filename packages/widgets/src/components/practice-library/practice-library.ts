import { defineElement } from '../../shared/define.ts';
import { BkPracticeLibrary } from './practice-library.component.ts';

export { BkPracticeLibrary };

defineElement('bk-practice-library', BkPracticeLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'bk-practice-library': BkPracticeLibrary;
  }
}

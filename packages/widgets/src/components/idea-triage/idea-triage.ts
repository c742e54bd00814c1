import { defineElement } from '../../shared/define.ts';
import { BkIdeaTriage } from './idea-triage.component.ts';

export { BkIdeaTriage };

defineElement('bk-idea-triage', BkIdeaTriage);

declare global {
  interface HTMLElementTagNameMap {
    'bk-idea-triage': BkIdeaTriage;
  }
}

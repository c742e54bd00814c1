import { defineElement } from '../../shared/define.ts';
import { BkIdeaForm } from './idea-form.component.ts';

export { BkIdeaForm };

defineElement('bk-idea-form', BkIdeaForm);

declare global {
  interface HTMLElementTagNameMap {
    'bk-idea-form': BkIdeaForm;
  }
}

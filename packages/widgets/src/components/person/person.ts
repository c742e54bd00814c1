import { defineElement } from '../../shared/define.ts';
import { BkPerson } from './person.component.ts';

export { BkPerson };

defineElement('bk-person', BkPerson);

declare global {
  interface HTMLElementTagNameMap {
    'bk-person': BkPerson;
  }
}

import { defineElement } from '../../shared/define.ts';
import { BkSearch } from './search.component.ts';

export { BkSearch };

defineElement('bk-search', BkSearch);

declare global {
  interface HTMLElementTagNameMap {
    'bk-search': BkSearch;
  }
}

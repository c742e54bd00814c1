import { defineElement } from '../../shared/define.ts';
import { BkIdeaBoard } from './idea-board.component.ts';

export { BkIdeaBoard };

defineElement('bk-idea-board', BkIdeaBoard);

declare global {
  interface HTMLElementTagNameMap {
    'bk-idea-board': BkIdeaBoard;
  }
}

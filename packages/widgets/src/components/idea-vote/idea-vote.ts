import { defineElement } from '../../shared/define.ts';
import { BkIdeaVote } from './idea-vote.component.ts';

export { BkIdeaVote };

defineElement('bk-idea-vote', BkIdeaVote);

declare global {
  interface HTMLElementTagNameMap {
    'bk-idea-vote': BkIdeaVote;
  }
}

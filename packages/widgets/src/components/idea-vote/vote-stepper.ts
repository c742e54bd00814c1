/**
 * A budget board's stepper in `<bk-idea-vote>`: the idea's votes, then one stepper for the
 * person's own, and why + does nothing. Loaded by the first control that shows one (a budget
 * board starts loading it with its first page): most boards give each person one vote.
 */
import type { Budget, Idea } from '@bridgekit/sdk';
import { css, html, nothing } from 'lit';
import { registerFeature, type Translate } from '../../shared/i18n.ts';
import { voteStepperMessages } from '../../shared/messages/vote-stepper.ts';

// Its German loads before the control shows it: BridgekitElement waits for a registered language's texts before each update.
registerFeature(voteStepperMessages);

export interface StepperState {
  idea: Idea;
  /** Most votes one person may place on the idea. */
  maxVotes: number;
  budget: Budget | null;
  disabled: boolean;
  /** The idea's votes, formatted. */
  count: string;
  t: Translate;
  /** Sets the person's votes on the idea. */
  set: (target: number) => unknown;
}

export function renderStepper({ idea, maxVotes, budget, disabled, count, t, set }: StepperState) {
  const atCap = idea.myVotes >= maxVotes;
  const noneLeft = !atCap && budget !== null && budget.remaining === 0;
  const hint = atCap ? t('vote.cap', { count: maxVotes }) : noneLeft ? t('vote.noneLeft') : '';
  return html`
    <div class="budget" role="group" aria-label=${t('vote.yours', { title: idea.title })}>
      <span class="tally" part="tally"
        ><span class="count" part="count">${count}</span> <span class="label">${t('vote.unit', { count: idea.votes })}</span></span
      >
      <div class="stepper" part="stepper">
        <button
          type="button"
          class="step"
          part="step"
          aria-label=${t('vote.less', { title: idea.title })}
          aria-disabled=${disabled || idea.myVotes === 0 ? 'true' : nothing}
          @click=${() => (idea.myVotes > 0 || disabled) && set(Math.max(idea.myVotes - 1, 0))}
        >
          −
        </button>
        <span class="mine" part="mine">${t('vote.mine', { count: idea.myVotes })}</span>
        <button
          type="button"
          class="step"
          part="step"
          aria-label=${t('vote.more', { title: idea.title })}
          aria-describedby=${hint ? 'bk-vote-hint' : nothing}
          aria-disabled=${disabled || atCap || noneLeft ? 'true' : nothing}
          @click=${() => (disabled || (!atCap && !noneLeft)) && set(idea.myVotes + 1)}
        >
          +
        </button>
      </div>
      <span class="hint" part="hint" id="bk-vote-hint">${hint}</span>
    </div>
  `;
}

/** Adopted beside the control's own styles when the stepper first shows. */
export const stepperStyles = css`
  .budget {
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    gap: 0.25rem;
    /* Fixed, like the single vote's box: longer words in one language do not move the titles. */
    width: 9.5rem;
  }

  .tally {
    display: inline-flex;
    align-items: baseline;
    gap: 0.25rem;
    white-space: nowrap;
  }

  .hint {
    font-size: 0.75rem;
    line-height: 1.2;
    text-align: center;
    color: var(--_text-subtle);
  }

  .hint:empty {
    display: none;
  }

  .stepper {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    width: 100%;
  }

  .step {
    min-width: 44px;
    min-height: 44px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 1.125rem;
    font-weight: 700;
    cursor: pointer;
  }

  .step[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.5;
  }

  .mine {
    flex: 1;
    min-width: 0;
    font-size: 0.75rem;
    text-align: center;
    color: var(--_text-subtle);
    white-space: nowrap;
  }
`;

import { css } from 'lit';

export const ideaVoteStyles = css`
  /* A surface under the status text too, so it stays legible on any page, in light or dark. */
  :host {
    display: inline-block;
    border-radius: var(--_radius);
    background: var(--_surface);
    --_vote-color: var(--bk-idea-vote-color, var(--_brand));
    --_vote-backed: var(--bk-idea-vote-backed-surface, var(--_brand-subtle));
  }

  .vote {
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.125rem;
    /* One width for "1 Stimme" and "4 Stimmen", so the titles beside it stay in line. */
    width: 4.5rem;
    min-height: 44px;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }

  :host([variant='inline']) .vote,
  :host([variant='button']) .vote {
    flex-direction: row;
    gap: 0.5rem;
    width: auto;
    padding-inline: 0.875rem;
  }

  .vote:hover {
    border-color: var(--_vote-color);
  }

  /* Backed is a state, not a call to action: a tint and a check mark, not the filled brand colour. */
  .vote[aria-pressed='true'] {
    border-color: var(--_vote-color);
    background: var(--_vote-backed);
    color: var(--_text);
  }

  .vote[aria-pressed='true'] .icon {
    fill: var(--_vote-color);
  }

  .vote[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }

  .vote[aria-busy='true'] {
    cursor: progress;
  }

  .icon {
    width: 0.875rem;
    height: 0.875rem;
    fill: currentColor;
  }

  .count {
    font-weight: 700;
    font-size: 1rem;
    font-variant-numeric: tabular-nums;
    line-height: 1;
  }

  .label {
    font-size: 0.75rem;
    line-height: 1;
  }

  :host([variant='inline']) .label,
  :host([variant='button']) .label {
    font-size: inherit;
    font-weight: 600;
  }

  .message {
    display: block;
    margin-top: 0.25rem;
    font-size: 0.75rem;
    color: var(--_text-subtle);
  }

  .message.error {
    color: var(--_danger);
  }

  /* While the idea loads: the button's place, in the one loading look. */
  .skeleton {
    display: inline-block;
    vertical-align: middle;
    width: 4.5rem;
    --_skeleton-height: 44px;
  }

  /* A budget board's stepper, while its code loads. */
  .skeleton.steps {
    width: 9.5rem;
  }

  :host([variant='inline']) .skeleton,
  :host([variant='button']) .skeleton {
    width: 9rem;
  }

  .placeholder {
    display: inline-block;
    min-height: 44px;
    padding: 0.75rem;
    color: var(--_text-subtle);
  }
`;

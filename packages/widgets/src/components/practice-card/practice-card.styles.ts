import { css } from 'lit';

export const practiceCardStyles = css`
  :host {
    display: block;
  }

  .base {
    display: grid;
    gap: var(--bk-practice-card-gap, 0.5rem);
    padding: var(--bk-practice-card-padding, 1rem);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--bk-practice-card-surface, var(--_surface));
  }

  .base.is-obsolete {
    border-inline-start: 4px solid var(--_danger);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }

  .count {
    font-size: 0.75rem;
    color: var(--_text-subtle);
  }

  .expand {
    margin-inline-start: auto;
  }

  .button[aria-pressed='true'] {
    border-color: var(--_brand);
    background: var(--_brand-subtle);
    color: var(--_brand);
  }

  .details {
    display: grid;
    gap: 0.75rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--_border);
  }

  .details[hidden] {
    display: none;
  }

  .thread {
    margin-top: 0.5rem;
  }

  .skeleton {
    height: 6rem;
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
  }

  @media print {
    .actions,
    .thread {
      display: none;
    }

    .base {
      border: 0;
      padding: 0;
    }
  }
`;

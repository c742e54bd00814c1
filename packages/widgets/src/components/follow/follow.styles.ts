import { css } from 'lit';

export const followStyles = css`
  :host {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    vertical-align: middle;
  }

  .button[aria-pressed='true'] {
    border-color: var(--_brand);
    background: var(--bk-follow-pressed-background, var(--_brand-subtle));
  }

  .note {
    color: var(--_text-subtle);
    font-size: 0.8125rem;
  }
`;

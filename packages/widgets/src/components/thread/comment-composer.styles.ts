import { css } from 'lit';
import { inputBox } from '../../shared/styles.ts';

export const composerStyles = css`
  :host {
    display: block;
  }

  form {
    display: grid;
    gap: 0.375rem;
  }

  label {
    font-weight: 600;
  }

  textarea {
    ${inputBox}
    min-height: 5rem;
    border-bottom-color: var(--_text-subtle);
    resize: vertical;
  }

  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .mentions {
    margin: 0;
    padding: 0.25rem;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.12);
  }

  .mentions li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.375rem;
    min-height: 32px;
    padding: 0.25rem 0.5rem;
    border-radius: var(--_radius);
    cursor: pointer;
  }

  .mentions li[aria-selected='true'] {
    background: var(--_brand-subtle);
    outline: 2px solid var(--_brand);
    outline-offset: -2px;
  }

  .mentions .name {
    font-weight: 600;
  }

  .mentions .handle,
  .mentions .unit {
    font-size: 0.75rem;
    color: var(--_text-subtle);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25rem 1rem;
  }

  .hint,
  .counter {
    margin: 0;
    font-size: 0.75rem;
    color: var(--_text-subtle);
  }

  .counter {
    font-variant-numeric: tabular-nums;
  }

  /* No keyboard shortcut hint where there is usually no keyboard. */
  @media (pointer: coarse), (any-hover: none) {
    .keys {
      display: none;
    }
  }

  .counter.over {
    color: var(--_danger);
    font-weight: 600;
  }

  .error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .error:empty {
    display: none;
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
  }
`;

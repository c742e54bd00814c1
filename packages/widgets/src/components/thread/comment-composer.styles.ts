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

  .tabs {
    display: flex;
    gap: 0.25rem;
    border-bottom: 1px solid var(--_border);
  }

  [role='tab'] {
    min-height: 44px;
    padding: 0 1rem;
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    font-weight: 600;
    color: var(--_text-subtle);
    cursor: pointer;
  }

  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_brand);
    color: var(--_text);
  }

  [role='tab']:hover {
    color: var(--_text);
  }

  .panel {
    display: grid;
    gap: 0.375rem;
    min-width: 0;
  }

  .panel[hidden] {
    display: none;
  }

  /* As tall as the text box, so switching tabs does not move the buttons much. */
  .preview {
    min-height: 5rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .preview .loading {
    margin: 0;
    color: var(--_text-subtle);
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

import { css } from 'lit';
import { bareList, fieldErrorStyles, inputBox, itemBox } from '../../shared/styles.ts';

export const moderationStyles = css`
  :host {
    display: block;
    --_mod-surface: var(--bk-moderation-surface, var(--_surface));
    --_mod-gap: var(--bk-moderation-gap, 0.75rem);
    --_pending: var(--bk-moderation-pending, light-dark(#bc4b09, #faa06b));
    --_flagged: var(--bk-moderation-flagged, var(--_danger));
    --_skeleton-height: 5rem;
  }

  .base {
    display: grid;
    gap: var(--_mod-gap);
    padding: var(--bk-moderation-padding, 1rem);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_mod-surface);
  }

  h2,
  h3,
  h4 {
    margin: 0;
  }

  h2 {
    font-size: 1.25rem;
    line-height: 1.3;
  }

  h3 {
    font-size: 0.9375rem;
  }

  h4 {
    font-size: 0.875rem;
  }

  .count {
    margin: 0.25rem 0 0;
    color: var(--_text-subtle);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  /* Single-key shortcuts need a keyboard: no button for them on touch screens. */
  @media (pointer: coarse), (any-hover: none) {
    .shortcuts {
      display: none;
    }
  }

  .confirmation {
    margin: 0;
    color: var(--bk-color-success, light-dark(#107c10, #54b054));
    font-weight: 600;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }

  .filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 0.75rem;
  }

  .filter legend {
    float: inline-start;
    padding: 0;
    margin-inline-end: 0.25rem;
    font-weight: 600;
  }

  .filter label,
  .choices label {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 44px;
  }

  input[type='radio'] {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--_brand);
  }

  .queue {
    display: grid;
    gap: 0.5rem;
    ${bareList}
  }

  .item {
    display: grid;
    gap: 0.5rem;
    ${itemBox}
    border-inline-start: 4px solid var(--_pending);
    background: var(--_surface);
  }

  .item.flagged {
    border-inline-start-color: var(--_flagged);
  }

  .item:focus {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .item:focus-within {
    border-block-color: var(--_brand);
    border-inline-end-color: var(--_brand);
  }

  .item-header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25rem 0.75rem;
  }

  .unit {
    font-weight: normal;
    color: var(--_text-subtle);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
    margin: 0;
    font-size: 0.75rem;
    color: var(--_text-subtle);
  }

  .meta a {
    color: var(--_brand);
  }

  .why {
    margin: 0;
  }

  .restriction {
    font-weight: 600;
  }

  .badge {
    display: inline-block;
    margin-inline-end: 0.25rem;
    padding: 0 0.5rem;
    border: 1px solid var(--_pending);
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
  }

  .badge.flagged {
    border-color: var(--_flagged);
  }

  .body {
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
    overflow-wrap: anywhere;
  }

  .body > :first-child {
    margin-top: 0;
  }

  .body > :last-child {
    margin-bottom: 0;
  }

  .body a {
    color: var(--_brand);
  }

  .body blockquote {
    margin: 0.5rem 0;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_border);
    color: var(--_text-subtle);
  }

  .body code,
  .body pre {
    font-family: ui-monospace, SFMono-Regular, Consolas, monospace;
    font-size: 0.8125rem;
  }

  .body pre {
    overflow-x: auto;
  }

  .body.plain {
    white-space: pre-line;
  }

  .changes {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.25rem 0.75rem;
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
    overflow-wrap: anywhere;
  }

  .changes dt {
    font-weight: 600;
  }

  .changes dd {
    display: grid;
    gap: 0.125rem;
    margin: 0;
  }

  .changes del {
    color: var(--_text-subtle);
  }

  .changes ins {
    text-decoration: none;
  }

  .actions,
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }

  .button[aria-expanded='true'] {
    border-color: var(--_brand);
    background: var(--_brand-subtle);
  }

  .decision {
    display: grid;
    gap: 0.75rem;
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
  }

  .decision legend,
  .decision label {
    font-weight: 600;
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }

  .choices legend {
    margin-bottom: 0.125rem;
    padding: 0;
  }

  .choices label {
    font-weight: normal;
  }

  .warning {
    margin: 0;
  }

  .field {
    display: grid;
    gap: 0.25rem;
  }

  select,
  textarea {
    ${inputBox}
    min-height: 44px;
  }

  textarea {
    min-height: 4.5rem;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .hint {
    margin: 0;
    font-size: 0.75rem;
    color: var(--_text-subtle);
  }

  ${fieldErrorStyles}

  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
    padding: 1rem 1.25rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface);
    color: var(--_text);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 40%);
  }

  dialog p {
    margin: 0.5rem 0;
  }

  .shortcuts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.375rem 1rem;
    margin: 0.75rem 0 1rem;
  }

  .shortcuts dd {
    margin: 0;
  }

  kbd {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 0.375rem;
    border: 1px solid var(--_border);
    border-bottom-width: 2px;
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
    font-family: inherit;
    text-align: center;
  }

  @media (forced-colors: active) {
    .item,
    .item.flagged {
      border-inline-start-width: 4px;
      border-inline-start-color: CanvasText;
    }

    .button.danger {
      border: 2px solid ButtonText;
    }
  }
`;

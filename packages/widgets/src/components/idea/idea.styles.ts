import { css } from 'lit';
import { fieldBox, fieldErrorStyles } from '../../shared/styles.ts';

export const ideaStyles = css`
  :host {
    display: block;
  }

  /* Its own surface, like the other widgets: text stays legible on any page, in light or dark. */
  .base {
    display: grid;
    gap: var(--bk-idea-gap, 1rem);
    padding: var(--bk-idea-padding, 1rem);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--bk-idea-surface, var(--_surface));
    overflow-wrap: anywhere;
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.75rem;
  }

  .heading {
    flex: 1 1 16rem;
    min-width: 0;
  }

  h2 {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  h3 {
    margin: 0 0 0.375rem;
    font-size: 1rem;
  }

  p,
  dl,
  ul,
  ol {
    margin: 0;
  }

  .copy {
    display: grid;
    justify-items: end;
    gap: 0.25rem;
  }

  .copied {
    max-width: 20rem;
    font-size: 0.8125rem;
    color: var(--_text-subtle);
  }

  .meta,
  .subtle {
    color: var(--_text-subtle);
  }

  .meta {
    margin-top: 0.375rem;
    font-size: 0.8125rem;
  }

  .description {
    white-space: pre-line;
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin-top: 0.375rem;
  }

  .badge {
    display: inline-block;
    padding: 0.0625rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
  }

  .badge.under_review,
  .badge.planned,
  .badge.in_progress {
    border-color: var(--_brand);
    color: var(--_brand);
  }

  .badge.done {
    border-color: var(--bk-color-success, light-dark(#107c10, #54b054));
    color: var(--bk-color-success, light-dark(#107c10, #54b054));
  }

  .badge.declined {
    border-color: var(--_text-subtle);
    color: var(--_text-subtle);
  }

  .reason {
    margin-top: 0.375rem;
    padding: 0.375rem 0.625rem;
    border-inline-start: 3px solid var(--_border);
  }

  a {
    color: var(--_brand);
  }

  dl {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.25rem 0.75rem;
  }

  dt {
    font-weight: 600;
  }

  dd {
    margin: 0;
    white-space: pre-line;
  }

  .changes {
    display: grid;
    gap: 0.5rem;
    padding-inline-start: 1.25rem;
  }

  .units,
  .links {
    display: grid;
    gap: 0.25rem;
    padding-inline-start: 1.25rem;
  }

  .links {
    margin-bottom: 0.5rem;
  }

  .skeleton {
    height: 4.5rem;
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
  }

  .skeleton.title {
    height: 2rem;
  }

  .notice.merged {
    border-inline-start: 4px solid var(--_brand);
  }

  /* Changing the idea: the actions, the edit form, the withdrawal's and the merge's confirmations. */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .edit,
  .confirm {
    display: grid;
    gap: 0.75rem;
    padding: 1rem;
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
  }

  .edit fieldset {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend,
  label {
    padding: 0;
    font-weight: 600;
  }

  .field {
    display: grid;
    gap: 0.25rem;
  }

  input,
  textarea,
  select {
    ${fieldBox}
    font: inherit;
  }

  textarea {
    min-height: 5rem;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
  }

  ${fieldErrorStyles}

  .notice.outdated {
    border-inline-start: 4px solid var(--_danger);
  }

  .revisions summary {
    cursor: pointer;
    font-size: 0.8125rem;
  }

  ol.revisions {
    display: grid;
    gap: 0.75rem;
    margin-top: 0.5rem;
    padding-inline-start: 1.25rem;
  }

  ol.revisions dl {
    margin-top: 0.25rem;
  }

  .badge.outdated {
    margin-inline-start: 0.375rem;
    border-color: var(--_danger);
    color: var(--_danger);
  }
`;

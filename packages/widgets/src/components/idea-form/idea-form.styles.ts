import { css } from 'lit';
import { fieldBox, fieldErrorStyles } from '../../shared/styles.ts';

export const ideaFormStyles = css`
  :host {
    display: block;
  }

  form {
    display: grid;
    gap: 0.75rem;
    padding: 1rem;
    border-radius: var(--_radius);
    background: var(--bk-idea-form-surface, var(--_surface-subtle));
  }

  h3 {
    margin: 0;
    font-size: 1rem;
  }

  .source {
    margin: 0;
    font-weight: 600;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: grid;
    gap: 0.5rem;
  }

  legend {
    padding: 0;
    font-weight: 600;
  }

  .lanes {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
  }

  .lane {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    min-height: 44px;
    font-weight: normal;
  }

  .lane input {
    width: 1.25rem;
    height: 1.25rem;
    margin-top: 0.125rem;
  }

  .impacted {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.25rem;
  }

  .impacted legend {
    width: 100%;
  }

  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 44px;
    font-weight: normal;
  }

  .check input {
    width: 1.25rem;
    height: 1.25rem;
  }

  .lane small {
    display: block;
    color: var(--_text-subtle);
  }

  .field {
    display: grid;
    gap: 0.25rem;
  }

  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0.75rem;
  }

  label {
    font-weight: 600;
  }

  .required {
    font-weight: normal;
    color: var(--_text-subtle);
  }

  .hint,
  .counter {
    margin: 0;
    font-size: 0.75rem;
    color: var(--_text-subtle);
  }

  input:not([type='radio']),
  textarea,
  select {
    ${fieldBox}
  }

  textarea {
    min-height: 5rem;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
  }

  ${fieldErrorStyles}

  .similar {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_brand);
    border-radius: var(--_radius);
    background: var(--_brand-subtle);
  }

  .similar p {
    margin: 0 0 0.25rem;
    font-weight: 600;
  }

  .similar-none p {
    margin: 0;
  }

  .similar ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .similar .status {
    color: var(--_text-subtle);
  }

  .similar .reason {
    margin: 0.125rem 0 0;
    font-weight: 400;
  }

  .similar a {
    color: inherit;
  }

  .similar li + li {
    margin-top: 0.375rem;
  }

  /* The title and its support, with its Back button beside it (under it when narrow). */
  .suggestion {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25rem 0.75rem;
  }

  .similar .backed {
    margin: 0.5rem 0 0;
    font-weight: 600;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .leader summary {
    cursor: pointer;
    font-weight: 600;
  }

  .leader[open] summary {
    margin-bottom: 0.5rem;
  }
`;

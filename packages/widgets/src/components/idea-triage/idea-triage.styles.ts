import { css } from 'lit';
import { fieldErrorStyles, inputBox } from '../../shared/styles.ts';

export const ideaTriageStyles = css`
  :host {
    display: block;
    --_bubble: var(--bk-idea-triage-bubble, var(--_brand));
  }

  .base {
    display: grid;
    gap: 1rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface);
  }

  h2,
  h3,
  h4 {
    margin: 0;
  }

  h2 {
    font-size: 1.25rem;
  }

  h3 {
    font-size: 1.0625rem;
  }

  h4 {
    font-size: 0.9375rem;
  }

  .layout {
    display: grid;
    grid-template-columns: minmax(14rem, 1fr) 2fr;
    gap: 1rem;
    align-items: start;
  }

  @media (max-width: 48rem) {
    .layout {
      grid-template-columns: 1fr;
    }
  }

  .queue {
    display: grid;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .queue button {
    display: grid;
    width: 100%;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    gap: 0.125rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    text-align: start;
    cursor: pointer;
  }

  .queue button[aria-current='true'] {
    border-color: var(--_brand);
    background: var(--_brand-subtle);
  }

  .queue .title {
    font-weight: 600;
  }

  .queue .meta,
  .subtle {
    font-size: 0.75rem;
    color: var(--_text-subtle);
  }

  .detail {
    display: grid;
    gap: 1rem;
  }

  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 0.75rem;
    margin: 0;
  }

  dt {
    font-weight: 600;
  }

  dd {
    margin: 0;
  }

  form {
    display: grid;
    gap: 0.75rem;
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend,
  label {
    font-weight: 600;
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin-top: 0.25rem;
  }

  .choices label {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 44px;
    font-weight: normal;
  }

  .choices input {
    width: 1.25rem;
    height: 1.25rem;
  }

  select,
  textarea,
  input[type='url'] {
    ${inputBox}
    min-height: 44px;
  }

  textarea {
    min-height: 4.5rem;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
  }

  ${fieldErrorStyles}

  .history {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  figure {
    margin: 0;
    display: grid;
    gap: 0.5rem;
  }

  figcaption {
    font-weight: 600;
  }

  svg {
    width: 100%;
    height: auto;
    max-width: 48rem;
  }

  .axis line,
  .axis path {
    stroke: var(--_text-subtle);
  }

  .axis text,
  .quadrant-label {
    fill: var(--_text-subtle);
    font-size: 12px;
  }

  .quadrant {
    stroke: var(--_border);
    stroke-dasharray: 4 4;
  }

  .bubble circle {
    fill: var(--_bubble);
    fill-opacity: 0.35;
    stroke: var(--_bubble);
    stroke-width: 1.5;
  }

  .bubble-label {
    fill: var(--_text);
    font-size: 11px;
    pointer-events: none;
  }

  .bubble:hover circle,
  .bubble[aria-pressed='true'] circle {
    fill-opacity: 0.7;
  }

  .bubble:focus-visible {
    outline: none;
  }

  .bubble:focus-visible circle {
    stroke: var(--_focus);
    stroke-width: 3;
  }

  table {
    border-collapse: collapse;
  }

  th,
  td {
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    text-align: start;
  }

  summary {
    min-height: 44px;
    display: flex;
    align-items: center;
    cursor: pointer;
  }
`;

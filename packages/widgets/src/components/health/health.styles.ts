import { css } from 'lit';
import { bareList, inputBox } from '../../shared/styles.ts';

export const healthStyles = css`
  :host {
    display: block;
  }

  /* Its own surface, like the other widgets: text stays legible on any page, in light or dark. */
  .base {
    display: grid;
    gap: 1rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--bk-health-surface, var(--_surface));
  }

  h2,
  h3,
  h4,
  p {
    margin: 0;
  }

  h2 {
    font-size: 1.25rem;
  }

  h3 {
    font-size: 1.0625rem;
  }

  h4 {
    font-size: 1rem;
  }

  .form,
  .open,
  .results,
  .trend {
    display: grid;
    gap: 0.75rem;
  }

  .item {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  legend {
    padding: 0 0.25rem;
    font-weight: 600;
  }

  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
  }

  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 44px;
    cursor: pointer;
  }

  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }

  .comment {
    display: grid;
    gap: 0.25rem;
  }

  textarea {
    ${inputBox}
    resize: vertical;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .table-wrap {
    overflow-x: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }

  caption {
    padding-bottom: 0.375rem;
    text-align: start;
    color: var(--_text-subtle);
  }

  th,
  td {
    padding: 0.375rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  td {
    font-variant-numeric: tabular-nums;
  }

  tr.large-gap {
    background: var(--bk-health-gap-background, var(--_surface-subtle));
  }

  .flag {
    display: inline-block;
    margin-inline-start: 0.375rem;
    font-weight: 600;
  }

  .comments {
    ${bareList}
    display: grid;
    gap: 0.375rem;
  }

  .comment-item {
    font-weight: 600;
  }
`;

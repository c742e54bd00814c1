import { css } from 'lit';
import { bareList, fieldBox, fieldErrorStyles } from '../../shared/styles.ts';

export const valuePlanStyles = [
  fieldErrorStyles,
  css`
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
      background: var(--bk-value-plan-surface, var(--_surface));
    }

    .heading,
    .subheading,
    p {
      margin: 0;
    }

    .heading {
      font-size: 1.25rem;
    }

    .subheading {
      font-size: 1.0625rem;
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

    td.number {
      text-align: end;
    }

    progress {
      display: block;
      width: 100%;
      min-width: 6rem;
      height: 0.75rem;
      accent-color: var(--_brand);
    }

    .totals,
    .form {
      display: grid;
      gap: 0.75rem;
    }

    .totals ul {
      ${bareList}
      display: grid;
      gap: 0.25rem;
    }

    label {
      display: grid;
      gap: 0.25rem;
    }

    input,
    select {
      ${fieldBox}
      font: inherit;
      color: inherit;
    }

    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: 0.75rem;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
];

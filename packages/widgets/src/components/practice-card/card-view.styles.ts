import { css } from 'lit';

/** The look of a card's badges, facts and read-only fields (see card-view.ts), in both elements. */
export const cardViewStyles = css`
  :host {
    --_fresh-current: var(--bk-color-success, light-dark(#107c10, #54b054));
    --_fresh-due: var(--bk-practice-card-due, light-dark(#8a5300, #f9b44d));
    --_fresh-overdue: var(--_danger);
  }

  .template-name {
    margin: 0;
    font-size: 0.75rem;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--_text-subtle);
  }

  .card-title {
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  .summary {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
    margin: 0;
  }

  .visibility {
    display: inline-block;
    padding: 0.0625rem 0.5rem;
    border: 1px dashed currentColor;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
  }

  .freshness {
    display: inline-block;
    padding: 0.0625rem 0.5rem;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
  }

  .freshness.current {
    color: var(--_fresh-current);
  }

  .freshness.due {
    color: var(--_fresh-due);
  }

  .freshness.overdue {
    color: var(--_fresh-overdue);
  }

  .freshness.obsolete {
    border-color: transparent;
    background: var(--_danger);
    color: var(--_surface);
  }

  .obsolete-note {
    display: grid;
    gap: 0.125rem;
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
  }

  .obsolete-reason {
    overflow-wrap: anywhere;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .tag {
    padding: 0.0625rem 0.5rem;
    border-radius: 999px;
    background: var(--_brand-subtle);
    color: var(--_text);
    font-size: 0.75rem;
  }

  .facts {
    margin: 0;
    font-size: 0.75rem;
    color: var(--_text-subtle);
  }

  .fields,
  .record {
    display: grid;
    gap: 0.625rem;
    margin: 0;
  }

  .record {
    gap: 0.25rem;
  }

  .field dt {
    font-weight: 600;
  }

  .record .field {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }

  .record .field dt::after {
    content: ':';
  }

  .field dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .derived dt {
    font-style: italic;
  }

  .multiline {
    white-space: pre-line;
  }

  .richtext > :first-child {
    margin-top: 0;
  }

  .richtext > :last-child {
    margin-bottom: 0;
  }

  .richtext a {
    color: var(--_brand);
  }

  .rows,
  .values {
    display: grid;
    gap: 0.375rem;
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .rows > li {
    padding: 0.375rem 0.5rem;
    border-inline-start: 3px solid var(--_border);
  }

  .table-scroll {
    max-width: 100%;
    overflow-x: auto;
    container-type: inline-size;
  }

  table {
    border-collapse: collapse;
    min-width: 100%;
    font-size: 0.8125rem;
    /* Words break only when one alone is wider than the table: "Do nothing", not "Do noth ing". */
    overflow-wrap: break-word;
  }

  .money {
    white-space: nowrap;
  }

  /* Narrow (a phone): each row a block, each value under its column's name. */
  @container (max-width: 30rem) {
    table,
    tbody,
    tr,
    td {
      display: block;
    }

    thead {
      display: none;
    }

    tr + tr {
      margin-top: 0.5rem;
    }

    td + td {
      border-top: 0;
    }

    td::before {
      content: attr(data-label);
      display: block;
      font-weight: 600;
    }
  }

  th,
  td {
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  th {
    background: var(--_surface-subtle);
  }

  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_brand);
    text-decoration: underline;
    cursor: pointer;
  }

  .no-fields {
    margin: 0;
    color: var(--_text-subtle);
  }

  .story,
  .proposed,
  .outcomes h4,
  .outcomes ul {
    margin: 0;
  }

  .outcomes h4 {
    font-size: 0.875rem;
  }

  .outcomes ul {
    padding-inline-start: 1.25rem;
  }

  .story a,
  .proposed a,
  .outcomes a {
    color: var(--_brand);
  }

  @media (forced-colors: active) {
    .freshness.obsolete {
      border: 2px solid CanvasText;
    }
  }

  @media print {
    .table-scroll {
      overflow: visible;
    }

    .freshness,
    .tag {
      border: 1px solid;
      background: none;
      color: inherit;
    }
  }
`;

import { html } from 'lit';

/** A table's header row: a column header for each label, scoped to its column for screen readers. */
export const columnHeads = (labels: readonly string[]) => html`<thead>
  <tr>
    ${labels.map((label) => html`<th scope="col">${label}</th>`)}
  </tr>
</thead>`;

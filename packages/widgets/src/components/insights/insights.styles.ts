import { css } from 'lit';
import { bareList, inputBox } from '../../shared/styles.ts';

export const insightsStyles = css`
  :host {
    display: block;
    --_series-0: var(--bk-insights-color-1, var(--_brand));
    --_series-1: var(--bk-insights-color-2, light-dark(#b4490c, #ff9a56));
    --_series-2: var(--bk-insights-color-3, light-dark(#0b6a0b, #54b054));
    --_series-3: var(--bk-insights-color-4, light-dark(#6b2fa0, #c29bea));
    --_series-4: var(--bk-insights-color-5, light-dark(#8a6d00, #e6c34d));
  }

  /* Its own surface, like the other widgets: text stays legible on any page, in light or dark. */
  .base {
    display: grid;
    gap: 1rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--bk-insights-surface, var(--_surface));
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
    font-size: 1.125rem;
  }

  h4 {
    font-size: 1rem;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75rem 1rem;
  }

  .period {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .period legend {
    padding: 0;
    margin-bottom: 0.25rem;
    font-weight: 600;
  }

  .period label {
    display: grid;
    gap: 0.25rem;
  }

  input,
  select {
    ${inputBox}
    min-height: 44px;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .unit,
  .overview,
  .section,
  .unit-head {
    display: grid;
    gap: 0.75rem;
  }

  .unit {
    gap: 1.5rem;
  }

  .section {
    padding-top: 1rem;
    border-top: 1px solid var(--_border);
  }

  .chart {
    display: grid;
    gap: 0.5rem;
  }

  figure {
    margin: 0;
  }

  .drawing {
    display: block;
    width: 100%;
    height: auto;
    max-width: 48rem;
  }

  .legend {
    ${bareList}
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin-bottom: 0.25rem;
  }

  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }

  .summary,
  caption,
  .notice {
    color: var(--_text-subtle);
  }

  .s0 {
    fill: var(--_series-0);
    stroke: var(--_series-0);
  }

  .s1 {
    fill: var(--_series-1);
    stroke: var(--_series-1);
  }

  .s2 {
    fill: var(--_series-2);
    stroke: var(--_series-2);
  }

  .s3 {
    fill: var(--_series-3);
    stroke: var(--_series-3);
  }

  .s4 {
    fill: var(--_series-4);
    stroke: var(--_series-4);
  }

  .bar {
    stroke: none;
  }

  .hatch-line {
    stroke: var(--_surface);
    stroke-width: 2;
  }

  .swatch-edge {
    fill: none;
    stroke: var(--_series-1);
  }

  .line {
    fill: none;
    stroke-width: 2.5;
  }

  .marker {
    stroke: var(--_surface);
    stroke-width: 1;
  }

  .suppressed {
    fill: none;
    stroke: var(--_text-subtle);
    stroke-dasharray: 3 2;
  }

  .intended {
    stroke: var(--_text);
    stroke-width: 2.5;
  }

  .grid {
    stroke: var(--_border);
    stroke-width: 0.5;
  }

  .axis {
    stroke: var(--_text-subtle);
  }

  .tick,
  .row-label {
    fill: var(--_text);
    font-size: 12px;
  }

  .tick {
    fill: var(--_text-subtle);
  }

  details summary {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    cursor: pointer;
    color: var(--_brand);
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

  .plain {
    ${bareList}
  }

  button.link {
    min-height: 44px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_brand);
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }

  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
    gap: 0.75rem;
    margin: 0;
  }

  .figures div {
    display: grid;
    gap: 0.25rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .figures dt {
    color: var(--_text-subtle);
  }

  .figures dd {
    margin: 0;
    font-size: 1.5rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .print-only {
    display: none;
  }

  /* The quarterly review pack: no controls, every table shown, a section per page under its unit's header. */
  @media print {
    .base {
      border: 0;
      padding: 0;
    }

    .filters,
    .intro,
    .session,
    details summary {
      display: none;
    }

    .print-only {
      display: block;
      font-weight: 600;
    }

    details::details-content {
      content-visibility: visible;
      display: contents;
    }

    .section {
      break-before: page;
      border-top: 0;
    }

    .chart,
    tr {
      break-inside: avoid;
    }
  }
`;

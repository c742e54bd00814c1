import { css } from 'lit';
import { fieldErrorStyles, inputBox } from '../../shared/styles.ts';

export const ideaTriageStyles = css`
  :host {
    display: block;
    --_bubble: var(--bk-idea-triage-bubble, var(--_brand));
  }

  .base {
    container-type: inline-size;
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

  /* Narrow: queue, idea, chart. Wide: the chart under the queue, beside the idea's long form. */
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'queue' 'detail' 'chart';
    gap: 1rem;
    align-items: start;
  }

  .layout > nav {
    grid-area: queue;
  }

  .layout > .detail {
    grid-area: detail;
  }

  .layout > figure {
    grid-area: chart;
  }

  @container (min-width: 48rem) {
    .layout {
      grid-template-columns: minmax(16rem, 2fr) minmax(0, 3fr);
      grid-template-rows: auto 1fr;
      grid-template-areas: 'queue detail' 'chart detail';
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
  input[type='url'],
  input[type='text'],
  input[type='date'] {
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

  .done {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_brand);
    border-radius: var(--_radius);
    background: var(--_brand-subtle);
  }

  .done.error {
    border-inline-start-color: var(--_danger);
    background: var(--_surface-subtle);
  }

  .done p {
    margin: 0;
    flex: 1 1 12rem;
  }

  .scorecard {
    display: grid;
    gap: 0.75rem 1.5rem;
  }

  .criteria {
    display: grid;
    gap: 0.75rem;
  }

  .formula p {
    margin: 0 0 0.5rem;
  }

  @container (min-width: 60rem) {
    .scorecard {
      grid-template-columns: minmax(0, 3fr) minmax(12rem, 2fr);
      align-items: start;
    }
  }

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

  /* The SVG scales its shapes; its texts are HTML over it, at a CSS size legible on a phone. */
  .chart {
    position: relative;
    max-width: 48rem;
  }

  svg {
    display: block;
    width: 100%;
    height: auto;
  }

  .labels {
    position: absolute;
    inset: 0;
    pointer-events: none;
    font-size: 0.75rem;
    line-height: 1.2;
  }

  .labels span {
    position: absolute;
    white-space: nowrap;
    color: var(--_text-subtle);
  }

  .tick.x {
    transform: translateX(-50%);
  }

  .tick.y,
  .bubble-label {
    transform: translateY(-50%);
  }

  .axis-title.x {
    transform: translate(-50%, -100%);
  }

  .axis-title.y {
    writing-mode: vertical-rl;
    transform: translateY(-50%) rotate(180deg);
  }

  .quadrant-label.bottom {
    transform: translateY(-100%);
  }

  .labels .bubble-label {
    max-width: min(10rem, 35%);
    overflow: hidden;
    text-overflow: ellipsis;
    color: var(--_text);
  }

  .axis line,
  .axis path {
    stroke: var(--_text-subtle);
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

  /* A list item, so the browser's disclosure marker (▸, ▾ when open) shows. */
  summary {
    display: list-item;
    list-style: disclosure-closed inside;
    min-height: 44px;
    padding-block: 0.75rem;
    box-sizing: border-box;
    cursor: pointer;
  }

  details[open] > summary {
    list-style-type: disclosure-open;
  }
`;

import { css } from 'lit';
import { controlStyles } from './controls.styles.ts';

export const cardFormStyles = [
  controlStyles,
  css`
    :host {
      display: block;
    }

    form {
      display: grid;
      gap: 0.75rem;
      padding: 1rem;
      border-radius: var(--_radius);
      background: var(--bk-practice-library-form-surface, var(--_surface-subtle));
    }

    h3 {
      margin: 0;
      font-size: 1.125rem;
    }

    h3:focus {
      outline: none;
    }

    h3:focus-visible {
      outline: 2px solid var(--_focus);
    }

    fieldset {
      display: grid;
      gap: 0.625rem;
      min-width: 0;
      margin: 0;
      padding: 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    fieldset.section {
      padding: 0.75rem 0.75rem 1rem;
      background: var(--_surface);
    }

    fieldset.section > legend {
      font-size: 1rem;
    }

    legend {
      padding: 0 0.25rem;
    }

    .field {
      display: grid;
      gap: 0.25rem;
      min-width: 0;
    }

    .pair,
    .parts,
    .record-fields {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0.625rem;
      align-items: start;
    }

    .record-fields {
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    }

    .parts .currency input {
      max-width: 6rem;
      text-transform: uppercase;
    }

    .checkboxes {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
      gap: 0.25rem 1rem;
    }

    .rows {
      display: grid;
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .row {
      display: grid;
    }

    /* A row's Remove sits at its end, inside its group. */
    .remove {
      justify-self: start;
    }

    .contents ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .contents a {
      display: inline-block;
      padding-block: 0.25rem;
      color: var(--_brand);
    }

    .contents a:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }

    /* Save and Cancel stay in view at the bottom of the window while the form is on screen. */
    .actions.sticky {
      position: sticky;
      bottom: 0;
      z-index: 2;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin-inline: -1rem;
      padding: 0.625rem 1rem;
      border-top: 1px solid var(--_border);
      background: var(--_surface);
    }

    /* What focus moves to is not hidden under the bar. */
    input,
    select,
    textarea,
    bk-item-picker,
    fieldset {
      scroll-margin-block: 1rem 5rem;
    }

    .row > fieldset {
      background: var(--_surface-subtle);
    }

    .add {
      justify-self: start;
    }

    .error-summary,
    .conflict {
      padding: 0.75rem 1rem;
      border: 2px solid var(--_danger);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    .conflict {
      border-color: var(--bk-practice-card-due, light-dark(#8a5300, #f9b44d));
    }

    .conflict:focus {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }

    .error-summary h4 {
      margin: 0 0 0.25rem;
      font-size: 1rem;
    }

    .error-summary ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }

    .error-summary a {
      color: var(--_danger);
      font-weight: 600;
    }

    .conflict p {
      margin: 0 0 0.5rem;
    }

    .form-notice {
      margin: 0;
      font-weight: 600;
    }

    .parts .wide {
      grid-column: 1 / -1;
    }

    .form-notice:empty {
      display: none;
    }

    @media print {
      :host {
        display: none;
      }
    }

    @media (forced-colors: active) {
      .actions.sticky {
        border-top-color: CanvasText;
      }
    }
  `,
];

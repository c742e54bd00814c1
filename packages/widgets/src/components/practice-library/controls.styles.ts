import { css } from 'lit';
import { fieldBox, fieldErrorStyles, tokens } from '../../shared/styles.ts';
import { cardViewStyles } from '../practice-card/card-view.styles.ts';

/** Native form controls, hints and errors as the library's parts share them. */
export const controlStyles = css`
  label,
  legend {
    font-weight: 600;
  }

  .required {
    font-weight: normal;
    color: var(--_text-subtle);
  }

  .hint {
    margin: 0;
    font-size: 0.75rem;
    color: var(--_text-subtle);
  }

  input:not([type='checkbox'], [type='radio']),
  textarea,
  select {
    ${fieldBox}
  }

  textarea {
    min-height: 4.5rem;
    resize: vertical;
  }

  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    flex: none;
  }

  /* A checkbox with its label beside it. */
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 44px;
    font-weight: normal;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }

  ${fieldErrorStyles}

  .button.subtle {
    border-color: transparent;
    background: transparent;
    color: var(--_brand);
  }

  .button.subtle:hover {
    background: var(--_brand-subtle);
  }

  .button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }

  .button[aria-pressed='true'] {
    border-color: var(--_brand);
    background: var(--_brand-subtle);
    color: var(--_brand);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  .actions:empty {
    display: none;
  }
`;

/** The frame of the library's sections (history, review queue, practice areas): a grid under a focusable heading. */
export const sectionStyles = css`
  :host {
    display: block;
  }

  .view {
    display: grid;
    gap: 0.75rem;
  }

  h3 {
    margin: 0;
    font-size: 1.125rem;
  }

  h3:focus {
    outline: none;
  }
`;

/** The styles every lazily loaded part of the library starts from. */
export const partStyles = [tokens, cardViewStyles, controlStyles, sectionStyles];

/** A card's title as a button that opens the card, underlined like a link. */
export const titleButtonStyles = css`
  .title-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_brand);
    font: inherit;
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
`;

/** Parts that have no place on a printed card. */
export const notPrintedStyles = css`
  @media print {
    :host {
      display: none;
    }
  }
`;

import { css } from 'lit';

/**
 * Design tokens and the shared look. Public custom properties resolve component → global →
 * default (for example `--bk-idea-vote-color` → `--bk-color-brand` → Fluent blue), so a host can
 * theme one widget or all of them. Defaults follow Microsoft Fluent 2, SharePoint's look, in
 * light and dark: the system's colour scheme, unless the element's `theme` attribute or the
 * page's `theme` setting picks one (BridgekitElement turns either into a custom state).
 */
export const tokens = css`
  :host {
    color-scheme: light dark;
    --_brand: var(--bk-color-brand, light-dark(#0f6cbd, #479ef5));
    --_brand-hover: var(--bk-color-brand-hover, light-dark(#115ea3, #62abf5));
    --_on-brand: var(--bk-color-on-brand, light-dark(#ffffff, #0a0a0a));
    --_brand-subtle: var(--bk-color-brand-subtle, light-dark(#ebf3fc, #082338));
    --_text: var(--bk-color-text, light-dark(#242424, #ffffff));
    --_text-subtle: var(--bk-color-text-subtle, light-dark(#616161, #c7c7c7));
    --_surface: var(--bk-color-surface, light-dark(#ffffff, #1f1f1f));
    --_surface-subtle: var(--bk-color-surface-subtle, light-dark(#f5f5f5, #2e2e2e));
    --_border: var(--bk-color-border, light-dark(#d1d1d1, #666666));
    --_danger: var(--bk-color-danger, light-dark(#b10e1c, #f1707b));
    --_focus: var(--bk-color-focus, light-dark(#000000, #ffffff));
    --_radius: var(--bk-radius, 4px);
    --_font: var(--bk-font-family, 'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif);
    --_font-size: var(--bk-font-size, 0.875rem);

    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
    color: var(--_text);
  }

  /* The theme, set by BridgekitElement from the element's \`theme\` or the page's setting. */
  :host(:state(theme-light)) {
    color-scheme: light;
  }

  :host(:state(theme-dark)) {
    color-scheme: dark;
  }

  /* An element inside another one (a card's thread) takes that one's colours. */
  :host(:state(theme-inherit)) {
    color-scheme: inherit;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  button,
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.375rem;
    min-height: 44px;
    min-width: 44px;
    padding: 0 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-weight: 600;
    cursor: pointer;
  }

  .button:hover {
    background: var(--_surface-subtle);
  }

  .button.primary {
    border-color: transparent;
    background: var(--_brand);
    color: var(--_on-brand);
  }

  .button.primary:hover {
    background: var(--_brand-hover);
  }

  .button[aria-disabled='true'],
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .notice {
    margin: 0;
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
  }

  .notice.error {
    border-inline-start: 4px solid var(--_danger);
  }

  .notice.session {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    border-inline-start: 4px solid var(--_brand);
  }

  @media (prefers-reduced-motion: no-preference) {
    .button {
      transition: background-color 0.1s ease-in-out;
    }
  }

  @media (forced-colors: active) {
    .button.primary,
    .button[aria-pressed='true'] {
      border: 2px solid ButtonText;
    }
  }
`;

/** A widget's header: the heading on one side, its controls on the other, wrapping when narrow. */
export const headerStyles = css`
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 0.75rem;
  }
`;

/** The "Sort by" control in a widget's header. */
export const sortStyles = css`
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }

  select {
    min-height: 44px;
    padding: 0 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
`;

/**
 * The one loading look: grey blocks where the content will be, each as tall as what replaces it
 * (`--_skeleton-height`, an item's usual height), so the page does not move when it arrives.
 */
export const skeletonStyles = css`
  .skeleton {
    height: var(--_skeleton-height, 4.5rem);
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
  }
`;

/** A paged list's placeholders while its first page loads (the skeletons) and its "load more" button. */
export const pagedListStyles = css`
  ${skeletonStyles}

  .more {
    justify-self: center;
  }

  .more-error {
    margin: 0;
    justify-self: center;
    color: var(--_danger);
  }
`;

/** For its author only: where their idea, card, comment or edit stands with moderators, and why. */
export const heldNote = css`
  margin: 0;
  padding: 0.25rem 0.5rem;
  border-inline-start: 3px solid var(--_brand);
  background: var(--_brand-subtle);
  font-size: 0.8125rem;
`;

export const heldStyles = css`
  .held {
    ${heldNote}
  }
`;

/*
 * Pieces of rules that several elements' style sheets share, put in where they apply:
 * `select, textarea { ${inputBox} min-height: 44px; }`. A declaration that changes one of a
 * piece's (`border-inline-start` after `border`) comes after it.
 */

/** The box of a text input, text area or select. */
export const inputBox = css`
  width: 100%;
  padding: 0.5rem 0.625rem;
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  background: var(--_surface);
`;

/**
 * A form control's box (text input, select) as the forms draw it: at least 44 px tall, underlined
 * in the subtle text colour.
 */
export const fieldBox = css`
  ${inputBox}
  min-height: 44px;
  border-bottom-color: var(--_text-subtle);
`;

/** A list without markers or indent: rows, cards or comments one under another. */
export const bareList = css`
  margin: 0;
  padding: 0;
  list-style: none;
`;

/** An item of a list drawn as a bordered box: a comment, a queued item, a card in the library. */
export const itemBox = css`
  padding: 0.75rem;
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
`;

/** The error under a field and the form's own; hidden while empty. */
export const fieldErrorStyles = css`
  .field-error,
  .form-error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }

  .field-error:empty,
  .form-error:empty {
    display: none;
  }
`;

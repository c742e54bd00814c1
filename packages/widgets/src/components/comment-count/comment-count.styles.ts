import { css } from 'lit';

/** Plain text that takes the look of the text around it (no design tokens). */
export const commentCountStyles = css`
  :host {
    display: inline;
    font: inherit;
    color: var(--bk-comment-count-color, inherit);
  }

  :host([hidden]) {
    display: none;
  }
`;

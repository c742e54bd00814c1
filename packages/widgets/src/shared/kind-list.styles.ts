/**
 * What lists of items of several kinds share — search results, related content: the frame (each
 * element adds its own background), the heading and paragraphs without margins, each item's kind
 * as a small badge, and a failure with its "Try again" beside it. A module of its own, not a piece
 * of styles.ts, which every page loads.
 */
import { css } from 'lit';

/**
 * @example
 * static override styles = [tokens, kindListStyles, css`.base { background: var(--bk-search-surface, var(--_surface)); }`];
 */
export const kindListStyles = css`
  :host {
    display: block;
  }

  /* Its own surface, like the other widgets: text stays legible on any page, in light or dark. */
  .base {
    display: grid;
    gap: 0.75rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
  }

  h2,
  p {
    margin: 0;
  }

  .kind {
    padding: 0 0.5rem;
    border-radius: 999px;
    background: var(--_surface-subtle);
    font-size: 0.75rem;
    font-weight: 600;
  }

  .notice.error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
`;

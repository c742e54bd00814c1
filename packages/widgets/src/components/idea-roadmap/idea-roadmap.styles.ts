import { css } from 'lit';
import { bareList } from '../../shared/styles.ts';

export const ideaRoadmapStyles = css`
  :host {
    display: block;
    /* An idea's row in a column: its title and support. */
    --_skeleton-height: 3.5rem;
  }

  /* Its own surface, like the other widgets: text stays legible on any page, in light or dark. */
  .base {
    display: grid;
    gap: 0.75rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface);
  }

  h2 {
    margin: 0;
    font-size: 1.25rem;
  }

  .columns,
  .columns-loading {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
    gap: 0.75rem;
    align-items: start;
  }

  .column {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border-radius: calc(var(--_radius) * 2);
    background: var(--bk-idea-roadmap-column, var(--_surface-subtle));
  }

  h3 {
    margin: 0;
    font-size: 0.9375rem;
  }

  ol {
    display: grid;
    gap: 0.5rem;
    ${bareList}
  }

  li {
    padding: 0.5rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .title {
    display: block;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .title a {
    color: inherit;
  }

  .meta {
    font-size: 0.75rem;
    color: var(--_text-subtle);
  }

  .empty {
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_text-subtle);
  }
`;

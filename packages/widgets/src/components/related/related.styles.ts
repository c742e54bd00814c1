import { css } from 'lit';

export const relatedStyles = css`
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
    background: var(--bk-related-surface, var(--_surface));
  }

  h2 {
    margin: 0;
    font-size: 1.125rem;
  }

  h3 {
    margin: 0 0 0.25rem;
    font-size: 0.875rem;
    color: var(--_text-subtle);
  }

  p {
    margin: 0;
  }

  .subtle {
    color: var(--_text-subtle);
  }

  ul {
    display: grid;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem;
  }

  .kind {
    padding: 0 0.5rem;
    border-radius: 999px;
    background: var(--_surface-subtle);
    font-size: 0.75rem;
    font-weight: 600;
  }

  a {
    color: var(--_brand);
    overflow-wrap: anywhere;
  }

  .notice.error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
`;

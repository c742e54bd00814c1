import { css } from 'lit';

/** With `kindListStyles` (shared/kind-list.styles.ts) before it. */
export const relatedStyles = css`
  .base {
    background: var(--bk-related-surface, var(--_surface));
  }

  h2 {
    font-size: 1.125rem;
  }

  h3 {
    margin: 0 0 0.25rem;
    font-size: 0.875rem;
    color: var(--_text-subtle);
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

  a {
    color: var(--_brand);
    overflow-wrap: anywhere;
  }
`;

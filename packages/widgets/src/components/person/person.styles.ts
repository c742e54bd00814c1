import { css } from 'lit';
import { bareList } from '../../shared/styles.ts';

export const personStyles = css`
  :host {
    display: block;
  }

  /* Its own surface, like the other widgets: text stays legible on any page, in light or dark. */
  .base {
    display: grid;
    gap: 1rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--bk-person-surface, var(--_surface));
  }

  h2,
  h3,
  p {
    margin: 0;
  }

  h2 {
    font-size: 1.25rem;
  }

  h3 {
    margin-bottom: 0.375rem;
    font-size: 1rem;
  }

  .meta,
  .counts {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
    color: var(--_text-subtle);
  }

  .counts {
    ${bareList}
    color: var(--_text);
    font-weight: 600;
  }

  .section ul {
    ${bareList}
    display: grid;
    gap: 0.5rem;
  }

  .section li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
  }

  .section li.comment {
    display: grid;
    gap: 0.125rem;
  }

  a {
    color: var(--_brand);
    overflow-wrap: anywhere;
  }

  .subtle {
    color: var(--_text-subtle);
  }

  .badge {
    display: inline-block;
    padding: 0.0625rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_text);
    font-size: 0.75rem;
    font-weight: 600;
  }

  .skeleton {
    height: 3rem;
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
  }

  .skeleton.title {
    height: 1.75rem;
    width: 40%;
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;

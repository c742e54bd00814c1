import { css } from 'lit';
import { fieldBox } from '../../shared/styles.ts';

/** With `kindListStyles` (shared/kind-list.styles.ts) before it. */
export const searchStyles = css`
  .base {
    background: var(--bk-search-surface, var(--_surface));
  }

  h2 {
    font-size: 1.25rem;
  }

  form {
    display: grid;
    gap: 0.75rem;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  .filters {
    display: grid;
    gap: 0.75rem;
  }

  .field {
    display: grid;
    gap: 0.25rem;
  }

  label,
  legend {
    font-weight: 600;
  }

  .hint,
  .meta {
    font-size: 0.75rem;
    color: var(--_text-subtle);
  }

  input[type='search'],
  select {
    ${fieldBox}
  }

  .kinds {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
  }

  .kinds legend {
    float: left;
    margin-inline-end: 0.5rem;
  }

  .kind-choice {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 44px;
    font-weight: normal;
  }

  .kind-choice input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }

  .selects {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: 0.75rem;
  }

  .state:empty {
    display: none;
  }

  .results {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .hit {
    display: grid;
    gap: 0.125rem;
    padding: 0.625rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .hit:focus-within {
    background: var(--_brand-subtle);
  }

  .kind {
    justify-self: start;
  }

  .hit-link {
    color: var(--_brand);
    font-weight: 600;
    font-size: 1rem;
    overflow-wrap: anywhere;
  }

  .snippet {
    overflow-wrap: anywhere;
  }

  mark {
    background: var(--bk-search-mark, light-dark(#fde300, #705c00));
    color: inherit;
  }

  @media (forced-colors: active) {
    mark {
      background: Mark;
      color: MarkText;
    }
  }
`;
